using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

public enum Decision { Approve, Reject, SendBack }

public sealed record DecisionInput(string? Reason);

/// <summary>
/// Scrutiny's answer for one member waiting in the queue: verified, rejected with a reason, or sent back to the
/// enroller for correction. The counts move with it; the member is told by SMS; the enroller sees it in their list.
/// </summary>
public sealed class DecideMember(AppDb db, Door door, VoterIdHolds holds, ISmsSender sms, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int memberId, Decision decision, DecisionInput input, CancellationToken ct)
    {
        var opened = await door.MemberAsync(memberId, Operations.Scrutinize, ct);
        if (opened.Refused) return opened.Refusal;
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        var reason = PersonRules.CleanOrNull(input.Reason);
        if (decision != Decision.Approve && reason is null)
            return Outcome.Fail(new FieldError("Reason", T("Say why, for the member and the enroller.")));
        if (reason is { Length: > 500 }) return Outcome.Fail(new FieldError("Reason", T("This is too long: at most {0} characters.", 500)));
        // An enrollment whose voter ID another claims is before scrutiny whatever its state, to be rejected if it is the false one.
        var disputed = decision == Decision.Reject && member.Status != MemberStatus.Rejected && await holds.DisputedAsync(member.Id, ct);
        if (member.Status != MemberStatus.Pending && !disputed) return Conflict(T("This member is not waiting for scrutiny."));
        // A claimant is verified only once the enrollment holding the voter ID is rejected (or has lapsed): one member per voter.
        if (decision == Decision.Approve && member.Hold != VoterIdHold.Holding)
        {
            if (await holds.TakeAsync(member.Id, member.VoterId, ct) is not null)
                return Conflict(T("Another enrollment holds this voter ID. If this one is the voter's, reject the other first."));
            member.Hold = VoterIdHold.Holding;
        }
        if (decision == Decision.Reject) await holds.SettleAsync(member, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var before = member.Status;
        member.Status = decision switch { Decision.Approve => MemberStatus.Verified, Decision.Reject => MemberStatus.Rejected, _ => MemberStatus.SentBack };
        member.DecidedAt = now;
        member.DecisionNote = reason;
        MemberCounting.Moved(db, member, before, DateOnly.FromDateTime(now));
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(new SmsMessage(member.Mobile, Message(member.Status, reason)), ct);
        return Outcome.Ok(member.Id);
    }

    static Outcome Conflict(string message) => new(0, [new FieldError("", message)]) { Conflict = true };

    // Both languages: the member's own is not known.
    static string Message(MemberStatus status, string? reason) => status switch
    {
        MemberStatus.Verified => "Your party membership is verified. / आपकी पार्टी सदस्यता सत्यापित हो गई है।",
        MemberStatus.Rejected => $"Your membership was not accepted / आपकी सदस्यता स्वीकार नहीं हुई: {reason}",
        _ => $"Your membership needs a correction; your enroller will contact you / आपकी सदस्यता में सुधार चाहिए: {reason}",
    };
}
