using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>
/// Changing a meeting's details (and naming more people), and cancelling it: for those who may call it. A new time or
/// place is told to the invitees and the reminder follows it; a cancellation is told too and stops the reminder.
/// </summary>
public sealed class ChangeMeeting(AppDb db, Door door, IAuditActor actor, MeetingNotices notices, MeetingZone zone, TimeProvider clock)
{
    public async Task<Outcome> EditAsync(int id, MeetingChange input, CancellationToken ct)
    {
        var (found, denied) = await FindAsync(id, ct);
        if (found is null) return denied!;
        var m = found.Meeting;
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = MeetingValidation.Details(input.Title, input.Agenda, input.StartsAt, input.Minutes, input.Place, input.VideoLink, now, m.StartsAt);
        var named = await Invitees.ResolveAsync(await door.ReachAsync(ct), input.PersonIds, input.MemberIds, input.Mobiles, ct);
        errors.AddRange(named.Errors);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var starts = input.StartsAt!.Value.UtcDateTime;
        var ends = starts.AddMinutes(input.Minutes ?? (int)(m.EndsAt - m.StartsAt).TotalMinutes);
        var moved = starts != m.StartsAt || MeetingValidation.Clean(input.Place) != m.Place || MeetingValidation.Clean(input.VideoLink) != m.VideoLink;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        m.Title = input.Title!.Trim();
        m.Agenda = MeetingValidation.Clean(input.Agenda);
        m.StartsAt = starts;
        m.EndsAt = ends;
        m.Month = zone.MonthOf(starts);
        m.Place = MeetingValidation.Clean(input.Place);
        m.VideoLink = MeetingValidation.Clean(input.VideoLink);
        await db.SaveChangesAsync(ct);
        await Invitees.AddNamedAsync(db, id, named.Who, ct);
        await Invitees.RecountAsync(db, id, ct);
        if (moved)
        {
            await notices.WithdrawAsync(m, tellCancelled: false, actor.Label, ct);
            var wrong = await notices.AnnounceAsync(m, NoticeKind.Changed, ct);
            if (wrong.Count > 0) return Outcome.Fail([.. wrong]);
        }
        await tx.CommitAsync(ct);
        return Outcome.Ok(id);
    }

    public async Task<Outcome> CancelAsync(int id, CancellationToken ct)
    {
        var (found, denied) = await FindAsync(id, ct);
        if (found is null) return denied!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        found.Meeting.Status = MeetingStatus.Cancelled;
        found.Meeting.CancelledAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await notices.WithdrawAsync(found.Meeting, tellCancelled: true, actor.Label, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(id);
    }

    async Task<(Placed?, Outcome?)> FindAsync(int id, CancellationToken ct)
    {
        var (found, refusal) = await FindMeeting.OpenAsync(db, door, id, Operations.CallMeeting, tracked: true, ct);
        if (found is null) return (null, refusal);
        if (found.Meeting.Status == MeetingStatus.Cancelled)
            return (null, new Outcome(0, [new FieldError("", T("This meeting was cancelled."))]) { Conflict = true });
        return (found, null);
    }
}
