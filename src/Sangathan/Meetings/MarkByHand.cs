using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>Someone marked present by hand: "person" or "member", their id, and why (no card, no phone with them).</summary>
public sealed record HandMark(string? Kind, int Id, string? Reason);

/// <summary>Who is picked in the attendance list: "person:12" or "member:34", as the list's checkboxes send them.</summary>
public static class HandPick
{
    public static bool TryRead(string? pick, out RecipientKind kind, out int id)
    {
        kind = default;
        id = 0;
        var colon = pick?.IndexOf(':') ?? -1;
        if (colon < 0 || !int.TryParse(pick.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id)) return false;
        RecipientKind? k = pick![..colon] switch { "person" => RecipientKind.Person, "member" => RecipientKind.Member, _ => null };
        if (k is null) return false;
        kind = k.Value;
        return true;
    }
}

/// <summary>
/// The organizer marks an invitee present by hand, with a reason (audited with the mark). The time is now: a mark
/// by hand is made at the meeting; late as any other.
/// </summary>
public sealed class MarkByHand(AppDb db, Door door, IAuditActor actor, Attendance attendance, TimeProvider clock)
{
    public Task<Outcome> RunAsync(int meetingId, HandMark input, CancellationToken ct) =>
        RunManyAsync(meetingId, [$"{input.Kind}:{input.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"], input.Reason, single: true, ct);

    /// <summary>
    /// Several people ticked in the list, one reason for all (the same power cut, the same forgotten cards): all are
    /// marked in one transaction or none. Ok carries how many were marked now (one already present stays as first marked).
    /// For a single mark, Ok carries the invitee row's id (the API's answer).
    /// </summary>
    public async Task<Outcome> RunManyAsync(int meetingId, IReadOnlyList<string> picks, string? reason, bool single, CancellationToken ct)
    {
        var (found, refusal) = await FindMeeting.OpenAsync(db, door, meetingId, Operations.RecordMeeting, tracked: false, ct);
        if (found is null) return refusal!;
        if (found.Meeting.Status == MeetingStatus.Cancelled)
            return new Outcome(0, [new FieldError("", T("This meeting was cancelled."))]) { Conflict = true };
        var cleaned = MeetingValidation.Clean(reason);
        if (cleaned is null) return Outcome.Fail(new FieldError("Reason", T("Say why this person is marked by hand.")));
        if (cleaned.Length > MeetingRules.MaxReason) return Outcome.Fail(new FieldError("Reason", T("This is too long: at most {0} characters.", MeetingRules.MaxReason)));
        if (picks.Count == 0) return Outcome.Fail(new FieldError("Id", T("Tick at least one person to mark present.")));
        if (picks.Count > GetMeeting.AttendeesPerPage)
            return Outcome.Fail(new FieldError("Id", T("At most {0} people can be marked at once.", GetMeeting.AttendeesPerPage)));
        var chosen = new HashSet<(RecipientKind Kind, int Id)>();
        foreach (var pick in picks)
        {
            if (!HandPick.TryRead(pick, out var kind, out var id)) return Outcome.Fail(new FieldError("Id", T("Choose someone invited to this meeting.")));
            chosen.Add((kind, id));
        }
        // Only someone on the meeting's list is marked by hand; anyone else is named first (edit the meeting).
        var persons = chosen.Where(c => c.Kind == RecipientKind.Person).Select(c => c.Id).ToList();
        var members = chosen.Where(c => c.Kind == RecipientKind.Member).Select(c => c.Id).ToList();
        var onList = await db.MeetingInvitees.CountAsync(i => i.MeetingId == meetingId &&
            ((i.Kind == RecipientKind.Person && persons.Contains(i.RecipientId)) || (i.Kind == RecipientKind.Member && members.Contains(i.RecipientId))), ct);
        if (onList != chosen.Count) return Outcome.Fail(new FieldError("Id", T("Choose someone invited to this meeting.")));
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < found.Meeting.StartsAt.AddHours(-1))
            return Outcome.Fail(new FieldError("", T("The meeting has not started yet.")));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = 0;
        long lastRow = 0;
        foreach (var (kind, id) in chosen)
        {
            var mark = await attendance.MarkAsync(found.Meeting, kind, id, MarkedHow.Manual, cleaned, now, actor.Label, ct);
            if (mark.Now) marked++;
            lastRow = mark.InviteeId;
        }
        await tx.CommitAsync(ct);
        return Outcome.Ok(single ? (int)lastRow : marked);
    }
}
