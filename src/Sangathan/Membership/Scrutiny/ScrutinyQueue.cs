using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>
/// A member waiting for scrutiny, shown in full: the scrutinizer checks the voter ID against the electoral roll.
/// Status is Pending, or, for an enrollment whose voter ID another claims, whatever it is (it can then only be rejected).
/// </summary>
public sealed record WaitingMember(int Id, string VoterId, string NameEn, string NameHi, string Mobile, string Category, string Gender,
    int Age, string? Village, string? Address, int BoothId, string BoothCode, string BoothEn, string BoothHi, string? EnrolledBy,
    string Source, string Fee, DateTime CreatedAt, IReadOnlyList<string> Flags, string Status)
{
    /// <summary>The same flags, each with its kind and the number its detail names, for a page to say in the reader's language.</summary>
    public IReadOnlyList<ScrutinyFlag> FlagDetails { get; init; } = [];
}

/// <summary>
/// One flag as a page shows it: its kind, its detail as the flagger wrote it, and the number in that detail: another
/// member's id for <see cref="FlagKind.SimilarPhoto"/> and <see cref="FlagKind.VoterIdClaimed"/> (whose photo is shown
/// beside), a count of members for the others.
/// </summary>
public sealed record ScrutinyFlag(FlagKind Kind, string? Detail, int? Number)
{
    public static ScrutinyFlag Of(MemberFlag f) => new(f.Kind, f.Detail,
        f.Detail is { } d && System.Text.RegularExpressions.Regex.Match(d, @"\d+") is { Success: true } m && int.TryParse(m.Value, out var n) ? n : null);

    /// <summary>The other member a flag points at, whose photo scrutiny compares.</summary>
    public int? OtherMember => Kind is FlagKind.SimilarPhoto or FlagKind.VoterIdClaimed ? Number : null;
}

public sealed record ScrutinyPage(IReadOnlyList<WaitingMember> Members, int? Next);

/// <summary>
/// The district's verification queue: members waiting for scrutiny in the caller's districts, oldest first, a page
/// at a time. Each page shown is written to the audit log with the members in it, as unmasked personal data.
/// </summary>
public sealed class ScrutinyQueue(AppDb db, Door door, AuditLog audit)
{
    public const int PageSize = 20;

    /// <summary>How many wait in the caller's districts, counted up to <paramref name="cap"/>; null for someone who scrutinizes nowhere.</summary>
    public async Task<int?> CountAsync(int cap, CancellationToken ct)
    {
        var reach = await door.ReachAsync(ct);
        if (!reach.Access.ReachesAnywhere(Operations.Scrutinize)) return null;
        var booths = reach.UnitsTo(Operations.Scrutinize);
        return await db.Members.Where(m => m.Status == MemberStatus.Pending && booths.Any(u => u.Id == m.BoothId)).Take(cap).CountAsync(ct);
    }

    public async Task<ScrutinyPage?> RunAsync(int? unitId, int? after, CancellationToken ct)
    {
        var reach = await door.ReachAsync(ct);
        if (!reach.Access.ReachesAnywhere(Operations.Scrutinize)) return null;
        var booths = reach.UnitsTo(Operations.Scrutinize).AsNoTracking();
        if (unitId is { } id)
        {
            var unit = await door.UnitAsync(id, Operations.Read, ct);
            if (unit.Refused) return null;
            booths = booths.Under(unit.Resource!.Path);
        }
        var query = from m in Waiting(reach.Members.AsNoTracking())
                    where after == null || m.Id > after
                    join u in booths on m.BoothId equals u.Id
                    join p in db.People on m.EnrolledById equals p.Id into enrollers
                    from p in enrollers.DefaultIfEmpty()
                    orderby m.Id
                    select new { m, u.Code, u.NameEn, u.NameHi, Enroller = p == null ? null : p.NameEn };
        var rows = await query.Take(PageSize + 1).ToListAsync(ct);
        var shown = rows.Take(PageSize).ToList();
        var ids = shown.Select(r => r.m.Id).ToList();
        var flagRows = await db.MemberFlags.AsNoTracking().Where(f => ids.Contains(f.MemberId) && f.ClearedAt == null).ToListAsync(ct);
        var flags = flagRows.ToLookup(f => f.MemberId, f => $"{f.Kind}: {f.Detail}");
        var details = flagRows.ToLookup(f => f.MemberId, ScrutinyFlag.Of);
        if (ids.Count > 0)
            await audit.RecordAsync(new AuditDraft("scrutiny-view", "Member", After: JsonSerializer.Serialize(new { members = ids }),
                Reason: "verification queue"), ct);
        var members = shown.Select(r => new WaitingMember(r.m.Id, r.m.VoterId, r.m.NameEn, r.m.NameHi, r.m.Mobile, r.m.Category,
            r.m.Gender.ToString(), r.m.Age, r.m.Village, r.m.Address, r.m.BoothId, r.Code, r.NameEn, r.NameHi, r.Enroller,
            r.m.Source.ToString(), r.m.Fee.ToString(), r.m.CreatedAt, flags[r.m.Id].ToList(), r.m.Status.ToString())
            { FlagDetails = details[r.m.Id].ToList() }).ToList();
        return new ScrutinyPage(members, rows.Count > PageSize ? shown[^1].m.Id : null);
    }

    /// <summary>
    /// Members pending, and members in a claim still open whatever their state (a verified one may be the impostor):
    /// both sides of a claim are before scrutiny. Two sources, each by its own index, not one OR that scans the members.
    /// </summary>
    IQueryable<Member> Waiting(IQueryable<Member> members) => members.Where(m => m.Status == MemberStatus.Pending)
        .Concat(db.MemberFlags.Where(f => f.Kind == FlagKind.VoterIdClaimed && f.ClearedAt == null)
            .Join(members, f => f.MemberId, m => m.Id, (f, m) => m)
            .Where(m => m.Status != MemberStatus.Pending && m.Status != MemberStatus.Rejected));
}
