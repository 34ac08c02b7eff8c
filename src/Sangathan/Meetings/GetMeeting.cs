using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;

namespace Sangathan.Meetings;

/// <summary>A meeting, its counts and its attendees, for those who may read its unit; a unit's meetings.</summary>
public sealed class GetMeeting(AppDb db, Door door)
{
    public const int AttendeesPerPage = 200;

    public async Task<MeetingView?> RunAsync(int id, CancellationToken ct)
    {
        var (found, _) = await FindMeeting.OpenAsync(db, door, id, Operations.Read, tracked: false, ct);
        if (found is null) return null;
        var m = found.Meeting;
        var me = (await door.CallerAsync(ct)).PersonId;
        var photos = await db.MeetingPhotos.AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var mine = me is not null
            ? await db.MeetingInvitees.Where(i => i.MeetingId == id && i.Kind == RecipientKind.Person && i.RecipientId == me && i.Invited)
                .Select(i => new { i.Answer }).FirstOrDefaultAsync(ct)
            : null;
        return new MeetingView(m.Id, m.UnitId, found.UnitEn, found.UnitHi, m.Title, m.Agenda, m.StartsAt, m.EndsAt, m.Place, m.VideoLink, m.Status,
            m.OfficeBearers, m.LevelKeys, m.PostKeys, m.Members, m.Category, m.UseSms, m.UseEmail, m.UseWhatsApp, m.NoticeId, m.ReminderId,
            m.Notes, m.Decisions, m.MinutesAt, m.CreatedBy, await CountsAsync(m, ct), photos,
            m.Status == MeetingStatus.Scheduled && await door.AllowsAsync(found.Resource, Operations.CallMeeting, ct),
            await door.AllowsAsync(found.Resource, Operations.RecordMeeting, ct), mine?.Answer, mine is not null);
    }

    /// <summary>The counters the meeting keeps, and its answers in one GROUP BY over its invitees.</summary>
    internal async Task<MeetingCounts> CountsAsync(Meeting m, CancellationToken ct)
    {
        var groups = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == m.Id)
            .GroupBy(i => new { i.Invited, i.Answer, Came = i.ArrivedAt != null })
            .Select(g => new { g.Key.Invited, g.Key.Answer, g.Key.Came, Count = g.Count() }).ToListAsync(ct);
        var cameInvited = groups.Where(g => g.Invited && g.Came).Sum(g => g.Count);
        int Answered(Answer? a) => groups.Where(g => g.Invited && g.Answer == a).Sum(g => g.Count);
        return new MeetingCounts(m.Invited, m.Came, cameInvited, m.Late, m.Invited - cameInvited, Answered(Answer.Coming), Answered(Answer.NotComing), Answered(null));
    }

    /// <summary>Its attendees in pages of <see cref="AttendeesPerPage"/>: those who came first (as they came), then the rest.</summary>
    public async Task<AttendeePage?> AttendeesAsync(int id, long? after, bool presentOnly, CancellationToken ct)
    {
        if ((await FindMeeting.OpenAsync(db, door, id, Operations.Read, tracked: false, ct)).Found is null) return null;
        var rows = await db.MeetingInvitees.AsNoTracking()
            .Where(i => i.MeetingId == id && (after == null || i.Id > after) && (!presentOnly || i.ArrivedAt != null))
            .OrderBy(i => i.Id).Take(AttendeesPerPage + 1).ToListAsync(ct);
        var page = rows.Take(AttendeesPerPage).ToList();
        var personIds = page.Where(r => r.Kind == RecipientKind.Person).Select(r => r.RecipientId).ToList();
        var memberIds = page.Where(r => r.Kind == RecipientKind.Member).Select(r => r.RecipientId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.NameEn, p.NameHi }).ToDictionaryAsync(p => p.Id, ct);
        var members = await (from mb in db.Members.AsNoTracking()
                             join u in db.Units on mb.BoothId equals u.Id
                             where memberIds.Contains(mb.Id)
                             select new { mb.Id, mb.NameEn, mb.NameHi, Booth = u.NameEn }).ToDictionaryAsync(x => x.Id, ct);
        var items = page.Select(r =>
        {
            var (en, hi, post) = r.Kind == RecipientKind.Person
                ? people.TryGetValue(r.RecipientId, out var p) ? (p.NameEn, p.NameHi, (string?)null) : ("", "", null)
                : members.TryGetValue(r.RecipientId, out var mb) ? (mb.NameEn, mb.NameHi, mb.Booth) : ("", "", null);
            return new AttendeeView(r.Id, r.Kind == RecipientKind.Person ? "person" : "member", r.RecipientId, en, hi, post, r.Invited, r.Answer,
                r.ArrivedAt, r.Late, r.How, r.Reason);
        }).OrderBy(a => a.ArrivedAt is null).ThenBy(a => a.ArrivedAt).ToList();
        return new AttendeePage(items, rows.Count > AttendeesPerPage ? page[^1].Id : null);
    }

    /// <summary>A unit's meetings, newest first, 50 at a time; null when the caller may not read the unit.</summary>
    public async Task<IReadOnlyList<MeetingSummary>?> OfUnitAsync(int unitId, DateTime? before, CancellationToken ct)
    {
        if ((await door.UnitAsync(unitId, Operations.Read, ct)).Refused) return null;
        return await db.Meetings.AsNoTracking().Where(m => m.UnitId == unitId && (before == null || m.StartsAt < before))
            .OrderByDescending(m => m.StartsAt).Take(50)
            .Select(m => new MeetingSummary(m.Id, m.Title, m.StartsAt, m.Place, m.VideoLink != null, m.Status, m.Invited, m.Came, m.Late)).ToListAsync(ct);
    }
}
