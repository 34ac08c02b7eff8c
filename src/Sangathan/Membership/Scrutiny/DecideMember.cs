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

/// <summary>The members a bulk approval names: those shown unflagged on the scrutinizer's page.</summary>
public sealed record BulkApproval(IReadOnlyList<int>? Ids);

/// <summary>What a bulk approval did: who was verified, and who was left for a look of their own (flagged since, decided
/// by someone else, out of reach).</summary>
public sealed record BulkApproved(IReadOnlyList<int> Approved, IReadOnlyList<int> Skipped);

/// <summary>
/// Scrutiny's answer for one member waiting in the queue: verified, rejected with a reason, or sent back to the
/// enroller for correction. The counts move with it; the member is told by SMS in their language; the enroller sees it
/// in their list. Members with no flag may be approved many at once.
/// </summary>
public sealed class DecideMember(AppDb db, Door door, VoterIdHolds holds, ISmsSender sms, TimeProvider clock)
{
    /// <summary>At most this many in one bulk approval: a page of the queue, twice over.</summary>
    public const int MaxBulk = 100;

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

        Decide(member, decision, reason);
        await db.SaveChangesAsync(ct);
        await TellAsync(member, ct);
        return Outcome.Ok(member.Id);
    }

    /// <summary>
    /// Verifies each named member still waiting, in the caller's reach for scrutiny and with no open flag; the rest are
    /// skipped, named in the answer, for a look of their own. Decided in one save; each member told by SMS after.
    /// </summary>
    public async Task<(Outcome Outcome, BulkApproved? Result)> ApproveManyAsync(BulkApproval input, CancellationToken ct)
    {
        var ids = (input.Ids ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxBulk)
            return (Outcome.Fail(new FieldError("Ids", T("Choose between 1 and {0} members to approve.", MaxBulk))), null);
        var reach = await door.ReachAsync(ct);
        if (!reach.Access.ReachesAnywhere(Operations.Scrutinize)) return (Outcome.Denied(), null);
        var booths = reach.UnitsTo(Operations.Scrutinize);
        var members = await db.Members.Where(m => EF.Parameter(ids).Contains(m.Id) && m.Status == MemberStatus.Pending
                && booths.Any(u => u.Id == m.BoothId) && !db.MemberFlags.Any(f => f.MemberId == m.Id && f.ClearedAt == null))
            .ToListAsync(ct);
        foreach (var m in members) Decide(m, Decision.Approve, null);
        await db.SaveChangesAsync(ct);
        foreach (var m in members) await TellAsync(m, ct);
        var approved = members.Select(m => m.Id).Order().ToList();
        return (Outcome.Ok(approved.Count), new BulkApproved(approved, ids.Except(approved).Order().ToList()));
    }

    void Decide(Member member, Decision decision, string? reason)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = member.Status;
        member.Status = decision switch { Decision.Approve => MemberStatus.Verified, Decision.Reject => MemberStatus.Rejected, _ => MemberStatus.SentBack };
        member.DecidedAt = now;
        member.DecisionNote = reason;
        MemberCounting.Moved(db, member, before, DateOnly.FromDateTime(now));
    }

    static Outcome Conflict(string message) => new(0, [new FieldError("", message)]) { Conflict = true };

    Task TellAsync(Member member, CancellationToken ct) => sms.SendAsync(new SmsMessage(member.Mobile, Message(member)), ct);

    static string Message(Member m) => m.Status switch
    {
        MemberStatus.Verified => In(m.Language, "Your party membership is verified. Welcome to the party!"),
        MemberStatus.Rejected => In(m.Language, "Your party membership was not accepted: {0}", m.DecisionNote),
        _ => In(m.Language, "Your party membership needs a correction; the person who enrolled you will contact you: {0}", m.DecisionNote),
    };
}
