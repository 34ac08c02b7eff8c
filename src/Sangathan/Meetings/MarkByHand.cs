using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>Someone marked present by hand: "person" or "member", their id, and why (no card, no phone with them).</summary>
public sealed record HandMark(string? Kind, int Id, string? Reason);

/// <summary>
/// The organizer marks an invitee present by hand, with a reason (audited with the mark). The time is now: a mark
/// by hand is made at the meeting; late as any other.
/// </summary>
public sealed class MarkByHand(AppDb db, Door door, IAuditActor actor, Attendance attendance, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int meetingId, HandMark input, CancellationToken ct)
    {
        var (found, refusal) = await FindMeeting.OpenAsync(db, door, meetingId, Operations.RecordMeeting, tracked: false, ct);
        if (found is null) return refusal!;
        if (found.Meeting.Status == MeetingStatus.Cancelled)
            return new Outcome(0, [new FieldError("", T("This meeting was cancelled."))]) { Conflict = true };
        RecipientKind? kind = input.Kind switch { "person" => RecipientKind.Person, "member" => RecipientKind.Member, _ => null };
        var reason = MeetingValidation.Clean(input.Reason);
        if (reason is null) return Outcome.Fail(new FieldError("Reason", T("Say why this person is marked by hand.")));
        if (reason.Length > MeetingRules.MaxReason) return Outcome.Fail(new FieldError("Reason", T("This is too long: at most {0} characters.", MeetingRules.MaxReason)));
        // Only someone on the meeting's list is marked by hand; anyone else is named first (edit the meeting).
        if (kind is null || !db.MeetingInvitees.Any(i => i.MeetingId == meetingId && i.Kind == kind && i.RecipientId == input.Id))
            return Outcome.Fail(new FieldError("Id", T("Choose someone invited to this meeting.")));
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < found.Meeting.StartsAt.AddHours(-1))
            return Outcome.Fail(new FieldError("", T("The meeting has not started yet.")));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mark = await attendance.MarkAsync(found.Meeting, kind.Value, input.Id, MarkedHow.Manual, reason, now, actor.Label, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok((int)mark.InviteeId);
    }
}
