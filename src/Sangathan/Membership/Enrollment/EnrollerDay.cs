using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>An enroller's own members by where they stand, and the booth their next enrollment starts at (none: pick one).</summary>
public sealed record EnrollerCounts(int WaitingForMember, int WaitingForScrutiny, int Verified, int SentBack, int Rejected, int? StartBooth);

/// <summary>
/// What the home page shows an enroller first: their own counts, and the shortest way to the form. The form of the
/// booth they enrolled at last (kept in a cookie by the enrollment page) when their grants still cover it; else the
/// booth of their only grant, when that is a booth.
/// </summary>
public sealed class EnrollerDay(AppDb db, Door door, EnrollmentRights rights, EnrollmentUnits units)
{
    public const string LastBoothCookie = "enroll-booth";

    /// <summary>Null for someone with no grant in force.</summary>
    public async Task<EnrollerCounts?> RunAsync(int? lastBooth, CancellationToken ct)
    {
        if (door.PersonId is not { } me) return null;
        var grants = await rights.ActiveAsync(me, ct);
        if (grants.Count == 0) return null;
        int? start = null;
        if (lastBooth is { } last && await units.FindAsync(last, ct) is { IsBooth: true } kept) start = kept.Id;
        else if (grants.Count == 1 && await units.FindAsync(grants[0].UnitId, ct) is { IsBooth: true } only) start = only.Id;
        return (await CountsAsync(ct))! with { StartBooth = start };
    }

    /// <summary>The caller's own members by status, whether or not they may still enroll; null for no person.</summary>
    public async Task<EnrollerCounts?> CountsAsync(CancellationToken ct)
    {
        if (door.PersonId is not { } me) return null;
        var counts = await db.Members.AsNoTracking().Where(m => m.EnrolledById == me).GroupBy(m => m.Status)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        int Of(params MemberStatus[] statuses) => statuses.Sum(s => counts.GetValueOrDefault(s));
        return new EnrollerCounts(Of(MemberStatus.Unconfirmed, MemberStatus.AwaitingPayment), Of(MemberStatus.Pending),
            Of(MemberStatus.Verified), Of(MemberStatus.SentBack), Of(MemberStatus.Rejected), null);
    }
}
