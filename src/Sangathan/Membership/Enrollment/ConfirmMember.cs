using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Membership;

public enum ConfirmState { Unknown, Expired, Waiting, Confirmed }

/// <summary>What the confirmation page shows: enough for the member to recognise themselves, nothing more.</summary>
public sealed record ConfirmView(ConfirmState State, string? Name, string? VoterId);

/// <summary>
/// The member's own confirmation, from the link on their phone. Opening the link only shows the question; the
/// answer is a separate POST, so a link previewer or an SMS app fetching the page confirms nothing.
/// </summary>
public sealed class ConfirmMember(AppDb db, VoterIdHolds holds, TimeProvider clock)
{
    public async Task<ConfirmView> ViewAsync(string token, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        if (found is null) return new(ConfirmState.Unknown, null, null);
        var (link, member) = found.Value;
        var state = member.MobileConfirmedAt is not null ? ConfirmState.Confirmed
            : link.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? ConfirmState.Expired : ConfirmState.Waiting;
        return new(state, member.NameHi, PersonRules.MaskVoterId(member.VoterId));
    }

    public async Task<ConfirmState> ConfirmAsync(string token, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        if (found is null) return ConfirmState.Unknown;
        var (link, member) = found.Value;
        if (member.MobileConfirmedAt is not null) return ConfirmState.Confirmed;
        var now = clock.GetUtcNow().UtcDateTime;
        if (link.ExpiresAt <= now) return ConfirmState.Expired;
        await SettleAsync(db, holds, link, member, now, ct);
        await db.SaveChangesAsync(ct);
        return ConfirmState.Confirmed;
    }

    /// <summary>The mobile confirmed, by the link or by an SMS reply: the member moves on, and the counts with them.</summary>
    internal static async Task SettleAsync(AppDb db, VoterIdHolds holds, MemberConfirmation link, Member member, DateTime now, CancellationToken ct)
    {
        // Left unconfirmed past the hold, their voter ID may have gone to another enrollment since: confirming their own
        // mobile now is their claim on it, and both go before scrutiny.
        if (member.Hold != VoterIdHold.Holding)
        {
            var holder = await holds.TakeAsync(member.Id, member.VoterId, ct);
            member.Hold = holder is null ? VoterIdHold.Holding : VoterIdHold.Claiming;
            if (holder is { } held) await holds.FlagClaimAsync(member.Id, held, ct);
        }
        var before = member.Status;
        member.MobileConfirmedAt = now;
        link.ConfirmedAt = now;
        // Paid (cash to the enroller) goes to scrutiny; unpaid waits for the fee online.
        if (member.Status == MemberStatus.Unconfirmed)
            member.Status = member.Fee == FeeState.Due ? MemberStatus.AwaitingPayment : MemberStatus.Pending;
        MemberCounting.Moved(db, member, before, DateOnly.FromDateTime(now));
    }

    async Task<(MemberConfirmation Link, Member Member)?> FindAsync(string token, CancellationToken ct)
    {
        if (!ConfirmationLink.LooksLikeToken(token)) return null;
        var hash = ConfirmationLink.Hash(token);
        var link = await db.MemberConfirmations.FirstOrDefaultAsync(c => c.TokenHash == hash, ct);
        if (link is null) return null;
        var member = await db.Members.FirstAsync(m => m.Id == link.MemberId, ct);
        // Someone joining online proves their mobile with a code, not by opening a link: their page is /join/{token}.
        return member.Source == MemberSource.Online ? null : (link, member);
    }
}
