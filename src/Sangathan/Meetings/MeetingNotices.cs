using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Platform;

namespace Sangathan.Meetings;

/// <summary>
/// Sends a meeting's messages through the broadcasts' outbox: the notice now, the reminder at its time, a change or a
/// cancellation now. A message nobody can be reached by is simply not sent (the meeting stands).
/// </summary>
public sealed class MeetingNotices(AppDb db, CreateBroadcast broadcasts, MeetingZone zone, IOptions<MeetingOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The notice (or a change) now and the reminder at its time, for a meeting still to come; in the caller's transaction.
    /// Returns what is wrong with the words (too long for an SMS, say), for the caller to refuse the meeting with.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> AnnounceAsync(Meeting m, NoticeKind kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (m.StartsAt <= now || !(m.UseSms || m.UseEmail || m.UseWhatsApp)) return [];
        var notice = await SendAsync(m, kind, null, ct);
        // Nobody reachable (no mobile, all opted out) leaves the meeting standing without a notice; bad words do not.
        var wrong = notice.Errors.Where(e => e.Field.Length > 0).Select(e => new FieldError(e.Field.StartsWith("Text") ? "Title" : e.Field, e.Message)).ToList();
        if (wrong.Count > 0) return wrong;
        if (notice.Succeeded) m.NoticeId = notice.Id;
        var remindAt = m.StartsAt.AddHours(-options.Value.ReminderHours);
        m.ReminderId = remindAt > now.AddMinutes(5) && await SendAsync(m, NoticeKind.Reminder, remindAt, ct) is { Succeeded: true } r ? r.Id : null;
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Stops the reminder not yet sent (the meeting moved or is off), and says so to the invitees when asked.</summary>
    public async Task WithdrawAsync(Meeting m, bool tellCancelled, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (m.ReminderId is { } id && await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == id, ct) is { } reminder)
            await DecideBroadcast.StopAsync(db, reminder, actor, now, ct);
        m.ReminderId = null;
        if (tellCancelled && m.StartsAt > now && (m.UseSms || m.UseEmail || m.UseWhatsApp)) await SendAsync(m, NoticeKind.Cancelled, null, ct);
        await db.SaveChangesAsync(ct);
    }

    async Task<Outcome> SendAsync(Meeting m, NoticeKind kind, DateTime? at, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == m.UnitId).Select(u => new { u.NameEn, u.NameHi }).FirstAsync(ct);
        var input = MeetingNotice.Input(kind, m, unit.NameEn, unit.NameHi, options.Value, zone.Zone);
        // Those who said they are not coming are not reminded; everyone hears of a change or a cancellation.
        var audience = new MeetingAudience(m.Id, kind == NoticeKind.Reminder, MeetingNotice.WhatsAppFields(kind, m, zone.Zone));
        return await broadcasts.ForMeetingAsync(input, audience, at, ct);
    }
}

/// <summary>The party's time zone, read once from the options.</summary>
public sealed class MeetingZone(PartyTime party)
{
    /// <summary>The party's time zone (Party:TimeZone): meetings are typed, shown and counted by month in it.</summary>
    public TimeZoneInfo Zone { get; } = party.Zone;

    public DateTime Local(DateTime utc) => MeetingRules.Local(utc, Zone);

    public int MonthOf(DateTime utc) => MeetingRules.MonthOf(utc, Zone);
}
