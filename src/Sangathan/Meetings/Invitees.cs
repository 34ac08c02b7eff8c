using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>
/// Who a meeting invites. The groups are the broadcasts' audience query itself (<see cref="AudienceSql"/>), inserted
/// whole by one INSERT ... SELECT; people and members named one by one (by id or mobile) must be ones the caller may see,
/// as the door's <see cref="Reach"/> lists them, and members verified. Either way each invitee is one row.
/// </summary>
internal static class Invitees
{
    public sealed record Named(List<(RecipientKind Kind, int Id)> Who, List<FieldError> Errors);

    public static async Task<Named> ResolveAsync(Reach reach, List<int>? personIds, List<int>? memberIds, List<string>? mobiles, CancellationToken ct)
    {
        var who = new List<(RecipientKind, int)>();
        var errors = new List<FieldError>();
        var people = (personIds ?? []).Distinct().ToList();
        var members = (memberIds ?? []).Distinct().ToList();
        var phones = (mobiles ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        if (people.Count + members.Count + phones.Count > MeetingRules.MaxNamed)
            return new([], [new("Mobiles", T("Name at most {0} people one by one; invite groups for more.", MeetingRules.MaxNamed))]);

        var seenPeople = await reach.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (seenPeople.Count < people.Count) errors.Add(new("PersonIds", T("Name only people you may see.")));
        who.AddRange(seenPeople.Select(id => (RecipientKind.Person, id)));
        var seenMembers = await VerifiedAsync(reach.Members.Where(m => members.Contains(m.Id)), ct);
        if (seenMembers.Count < members.Count) errors.Add(new("MemberIds", T("Name only verified members of units you may see.")));
        who.AddRange(seenMembers.Select(id => (RecipientKind.Member, id)));

        foreach (var input in phones)
        {
            if (PersonRules.NormalizeMobile(input) is not { } mobile)
            {
                errors.Add(new("Mobiles", T("{0} is not a valid Indian mobile number of 10 digits.", input)));
                continue;
            }
            // Looked for only among those the caller may see: someone out of reach with this mobile is neither invited
            // nor named, and is answered as nobody at all, so that the form cannot tell whether the number is on record.
            var person = await reach.PersonByMobileAsync(mobile, ct);
            var member = await VerifiedAsync(reach.Members.Where(m => m.Mobile == mobile), ct);
            if (person.Id is { } p) who.Add((RecipientKind.Person, p));
            who.AddRange(member.Select(id => (RecipientKind.Member, id)));
            if (person.Id is null && member.Count == 0)
                errors.Add(new("Mobiles", T("Nobody you may see has the mobile number ending {0}.", mobile[^4..])));
        }
        return new(who.Distinct().ToList(), errors);
    }

    static Task<List<int>> VerifiedAsync(IQueryable<Member> members, CancellationToken ct) =>
        members.AsNoTracking().Where(m => m.Status == MemberStatus.Verified).Select(m => m.Id).ToListAsync(ct);

    /// <summary>Invites the groups the meeting names: its subtree's office bearers (of its levels and posts) and verified members.</summary>
    public static async Task<int> InsertGroupsAsync(AppDb db, AuditLog audit, Meeting m, AudienceSpec spec, DateTime now, CancellationToken ct)
    {
        if (!spec.OfficeBearers && !spec.Members) return 0;
        await using var insert = await Sql.CommandAsync(db, $"""
            INSERT INTO "MeetingInvitees" ("MeetingId", "Kind", "RecipientId", "Invited", "Late")
            SELECT @mid, q.kind, q.rid, @yes, @no FROM ({AudienceSql.Recipients(spec)}) q
            """, ct, timeoutSeconds: 600);
        AudienceSql.Bind(insert, spec, now);
        Sql.Add(insert, "mid", m.Id);
        Sql.Add(insert, "yes", true);
        Sql.Add(insert, "no", false);
        var rows = await insert.ExecuteNonQueryAsync(ct);
        // One entry for the set, as an outbox's queueing is: the groups are in the meeting's own (audited) row.
        await audit.RecordAsync(new AuditDraft("meeting-invited", nameof(Meeting), m.Id.ToString(), After: JsonSerializer.Serialize(new { rows })), ct);
        return rows;
    }

    /// <summary>Adds people named one by one (each audited), leaving out those already invited.</summary>
    public static async Task AddNamedAsync(AppDb db, int meetingId, IEnumerable<(RecipientKind Kind, int Id)> named, CancellationToken ct)
    {
        var list = named.ToList();
        if (list.Count == 0) return;
        var ids = list.Select(n => n.Id).ToList();
        var existing = await db.MeetingInvitees.Where(i => i.MeetingId == meetingId && ids.Contains(i.RecipientId))
            .Select(i => new { i.Kind, i.RecipientId, i.Id }).ToListAsync(ct);
        foreach (var (kind, id) in list)
        {
            if (existing.FirstOrDefault(e => e.Kind == kind && e.RecipientId == id) is { } found)
            {
                // Someone who came uninvited and is named now is invited from now on.
                await db.MeetingInvitees.Where(i => i.Id == found.Id && !i.Invited).ExecuteUpdateAsync(s => s.SetProperty(i => i.Invited, true), ct);
                continue;
            }
            db.MeetingInvitees.Add(new MeetingInvitee { MeetingId = meetingId, Kind = kind, RecipientId = id, Invited = true });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The meeting's counters afresh from its invitees, in the caller's transaction.</summary>
    public static async Task RecountAsync(AppDb db, int meetingId, CancellationToken ct)
    {
        var rows = db.MeetingInvitees.Where(i => i.MeetingId == meetingId);
        var invited = await rows.CountAsync(i => i.Invited, ct);
        var came = await rows.CountAsync(i => i.ArrivedAt != null, ct);
        var late = await rows.CountAsync(i => i.ArrivedAt != null && i.Late, ct);
        await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Invited, invited).SetProperty(m => m.Came, came).SetProperty(m => m.Late, late), ct);
    }
}
