using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// A person who confirmed their own mobile, for a voter ID another enrollment holds, claims it: their enrollment goes
/// on (the fee, then scrutiny) and both are flagged before the district's scrutiny, which keeps one. The holder may be
/// the impostor, or the claimant may be; neither is named to the other.
/// </summary>
public sealed class ClaimVoterId(AppDb db, VoterIdHolds holds, TimeProvider clock)
{
    /// <summary>False when there is nothing to claim: the mobile not confirmed yet, or the voter ID not held by another.</summary>
    public async Task<bool> RunAsync(int memberId, CancellationToken ct)
    {
        var voterId = await db.Members.Where(m => m.Id == memberId && m.Status == MemberStatus.Unconfirmed && m.MobileConfirmedAt != null
            && m.Hold != VoterIdHold.Holding).Select(m => m.VoterId).FirstOrDefaultAsync(ct);
        if (voterId is null) return false;
        // The holder may have been rejected or have lapsed since: then the voter ID is simply theirs, and nothing is flagged.
        var holder = await holds.TakeAsync(memberId, voterId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MemberLock.TakeAsync(db, memberId, ct);
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        if (member.Status != MemberStatus.Unconfirmed) return true; // claimed already, in another tab
        var now = clock.GetUtcNow().UtcDateTime;
        member.Status = member.Fee == FeeState.Due ? MemberStatus.AwaitingPayment : MemberStatus.Pending;
        MemberCounting.Moved(db, member, MemberStatus.Unconfirmed, DateOnly.FromDateTime(now));
        if (holder is { } held)
        {
            member.Hold = VoterIdHold.Claiming;
            await holds.FlagClaimAsync(member.Id, held, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
