using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Broadcasts;
using Sangathan.Cards;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <param name="Key">The phone's idempotency key for this scan: the same scan synced again carries the same key.</param>
/// <param name="ScannedAt">When the phone scanned it (it may have been offline), UTC.</param>
public sealed record ScanInput(string? Key, string? Code, DateTime? ScannedAt);

/// <summary>A scan's answer: the card's verdict, and whom it marked. <see cref="Repeat"/>: this key was synced before.</summary>
public sealed record ScanResult(string Key, string Verdict, string Message, bool Present, bool AlreadyPresent, bool Late, bool Invited,
    string? NameHi, string? NameEn, DateTime? ArrivedAt, bool Repeat);

/// <summary>
/// A member's card scanned by the organizer's phone, synced now or later: the server checks the card again as the
/// online verification does (signature, the card in use, not revoked, the member verified), then marks the member
/// present. The key makes a second sync of the same scan answer as the first did and mark nobody again.
/// </summary>
public sealed partial class ScanCard(AppDb db, Door door, IAuditActor actor, VerifyCard verify, Attendance attendance,
    IOptions<MeetingOptions> options, TimeProvider clock)
{
    /// <summary>Null: no such meeting for this caller; otherwise the answer, or refusal for a caller who may only read it.</summary>
    public async Task<(ScanResult? Result, bool Forbidden)> RunAsync(int meetingId, ScanInput input, CancellationToken ct)
    {
        var (found, refusal) = await FindMeeting.OpenAsync(db, door, meetingId, Operations.RecordMeeting, tracked: false, ct);
        if (found is null) return (null, refusal!.Forbidden);
        var key = input.Key?.Trim() ?? "";
        if (!KeyShape().IsMatch(key)) return (Refused(key, "Unreadable", T("This scan has no valid key: scan the card again.")), false);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await FindMeeting.LockAsync(db, meetingId, ct);
        if (await db.MeetingScans.AsNoTracking().FirstOrDefaultAsync(s => s.MeetingId == meetingId && s.Key == key, ct) is { } earlier)
            return (await RepeatAsync(earlier, ct), false);

        var now = clock.GetUtcNow().UtcDateTime;
        var m = found.Meeting;
        var result = await DecideAsync(m, key, input, now, ct);
        db.MeetingScans.Add(new MeetingScan { MeetingId = meetingId, Key = key, Verdict = result.Verdict, At = now, InviteeId = result.InviteeId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (result.Result, false);
    }

    async Task<(ScanResult Result, string Verdict, long? InviteeId)> DecideAsync(Meeting m, string key, ScanInput input, DateTime now, CancellationToken ct)
    {
        if (m.Status == MeetingStatus.Cancelled) return Failed(key, "Cancelled", T("This meeting was cancelled."));
        var v = await verify.RunAsync(input.Code, ct);
        if (v.Verdict != CardVerdict.Genuine || v.MemberId is not { } memberId) return Failed(key, v.Verdict.ToString(), v.Message);
        if (MeetingRules.ScannedAt(input.ScannedAt, now, m.StartsAt, m.EndsAt, options.Value) is not { } at)
            return Failed(key, "OutsideMeeting", T("This card was scanned outside the meeting's time: it is not counted."));
        var mark = await attendance.MarkAsync(m, RecipientKind.Member, memberId, MarkedHow.Card, null, at, actor.Label, ct);
        return (new ScanResult(key, "Genuine", Message(mark), true, !mark.Now, mark.Late, mark.Invited, v.Card!.NameHi, v.Card.NameEn, mark.ArrivedAt, false),
            "Genuine", mark.InviteeId);
    }

    async Task<ScanResult> RepeatAsync(MeetingScan earlier, CancellationToken ct)
    {
        if (earlier.InviteeId is not { } id) return Refused(earlier.Key, earlier.Verdict, VerdictMessage(earlier.Verdict)) with { Repeat = true };
        var who = await (from i in db.MeetingInvitees.AsNoTracking()
                         join mb in db.Members on i.RecipientId equals mb.Id
                         where i.Id == id
                         select new { i.ArrivedAt, i.Late, i.Invited, mb.NameHi, mb.NameEn }).FirstAsync(ct);
        return new ScanResult(earlier.Key, earlier.Verdict, T("Already counted: this scan was synced before."), true, true, who.Late, who.Invited,
            who.NameHi, who.NameEn, who.ArrivedAt, true);
    }

    static string Message(Marked mark) =>
        !mark.Now ? T("Already marked present.") : mark.Late ? T("Marked present (late).") : T("Marked present.");

    static string VerdictMessage(string verdict) => Enum.TryParse<CardVerdict>(verdict, out var v) ? VerifyCard.Message(v)
        : verdict == "Cancelled" ? T("This meeting was cancelled.") : T("This card was scanned outside the meeting's time: it is not counted.");

    static (ScanResult, string, long?) Failed(string key, string verdict, string message) => (Refused(key, verdict, message), verdict, null);

    static ScanResult Refused(string key, string verdict, string message) => new(key, verdict, message, false, false, false, false, null, null, null, false);

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyShape();
}
