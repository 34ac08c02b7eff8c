using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Who holds a voter ID (see <see cref="VoterIdHold"/>), and claims on it. Holds run out lazily: a rejected holder,
/// or one left unconfirmed past <see cref="MembershipOptions.HoldUnconfirmedDays"/>, is released when someone else
/// asks for the voter ID, so enrolling pays nothing for it. A claim puts both enrollments before the district's
/// scrutiny, flagged, each naming the other by number only.
/// </summary>
public sealed class VoterIdHolds(AppDb db, IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>The enrollment holding the voter ID now, if any; a hold that has run out is released first.</summary>
    public async Task<int?> HolderAsync(string voterId, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.HoldUnconfirmedDays);
        // One statement with its condition, so a holder confirming its mobile at this moment keeps the voter ID.
        await Held(voterId).Where(RunOut(before)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Hold, VoterIdHold.Released), ct);
        return await Held(voterId).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Makes the member the voter ID's holder if nobody else holds it (null); otherwise the holder's id.</summary>
    public async Task<int?> TakeAsync(int memberId, string voterId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await HolderAsync(voterId, ct) is { } holder) return holder == memberId ? null : holder;
            try
            {
                await db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Hold, VoterIdHold.Holding), ct);
                return null;
            }
            catch (DbException e) when (Sql.IsConstraintViolation(e))
            {
                // Another enrollment took it at this very moment: it is the holder, found on the next look.
            }
        }
        return await HolderAsync(voterId, ct);
    }

    /// <summary>Flags a claim on the holder's voter ID, on both enrollments (saved with the caller's changes).</summary>
    public async Task FlagClaimAsync(int claimantId, int holderId, CancellationToken ct)
    {
        var open = await db.MemberFlags.Where(f => (f.MemberId == claimantId || f.MemberId == holderId) && f.Kind == FlagKind.VoterIdClaimed && f.ClearedAt == null)
            .Select(f => f.MemberId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!open.Contains(claimantId)) db.MemberFlags.Add(Flag(claimantId, $"claims the voter ID held by member {holderId}", now));
        if (!open.Contains(holderId)) db.MemberFlags.Add(Flag(holderId, $"voter ID claimed by member {claimantId}", now));
    }

    /// <summary>
    /// After scrutiny rejects an enrollment: it no longer holds its voter ID, its claim flag is cleared, and once only
    /// one enrollment still stands for the voter ID, the claim is settled and every flag of it cleared.
    /// </summary>
    public async Task SettleAsync(Member rejected, CancellationToken ct)
    {
        if (rejected.Hold == VoterIdHold.Holding) rejected.Hold = VoterIdHold.Released;
        var open = await db.MemberFlags.Where(f => f.Kind == FlagKind.VoterIdClaimed && f.ClearedAt == null)
            .Join(db.Members.Where(m => m.VoterId == rejected.VoterId), f => f.MemberId, m => m.Id, (f, m) => new { Flag = f, m.Status })
            .ToListAsync(ct);
        var standing = open.Count(o => o.Flag.MemberId != rejected.Id && o.Status != MemberStatus.Rejected);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var o in open.Where(o => o.Flag.MemberId == rejected.Id || standing <= 1)) o.Flag.ClearedAt = now;
    }

    /// <summary>Whether the member is before scrutiny for a claim still open.</summary>
    public Task<bool> DisputedAsync(int memberId, CancellationToken ct) =>
        db.MemberFlags.AnyAsync(f => f.MemberId == memberId && f.Kind == FlagKind.VoterIdClaimed && f.ClearedAt == null, ct);

    // The filter repeats the unique index's, so that this is a look-up in it.
    IQueryable<Member> Held(string voterId) => db.Members.Where(m => m.VoterId == voterId && m.Hold == VoterIdHold.Holding);

    static Expression<Func<Member, bool>> RunOut(DateTime unconfirmedBefore) => m => m.Status == MemberStatus.Rejected
        || (m.Status == MemberStatus.Unconfirmed && m.MobileConfirmedAt == null && m.CreatedAt < unconfirmedBefore);

    static MemberFlag Flag(int memberId, string detail, DateTime now) =>
        new() { MemberId = memberId, Kind = FlagKind.VoterIdClaimed, Detail = detail, CreatedAt = now };
}
