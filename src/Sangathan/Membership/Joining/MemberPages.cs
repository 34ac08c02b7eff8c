using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>
/// What a member's own page shows: who (masked), where their membership stands, the last payment and scrutiny's
/// note. Reached only through the link sent to their mobile (or given to the browser that registered them).
/// CanClaim: the mobile is confirmed and another enrollment holds the voter ID, which the person may claim; never
/// before the mobile is confirmed, so until then the page says nothing of who else has the voter ID.
/// </summary>
public sealed record MemberStatusView(int Id, MemberSource Source, MemberStatus Status, FeeState Fee, string NameEn, string NameHi,
    string VoterId, string Mobile, string BoothEn, string BoothHi, PaymentState? Payment, string? DecisionNote, int FeePaise, bool CanClaim);

/// <summary>Finds a member by the token of their link; only its hash is stored.</summary>
public sealed class MemberPages(AppDb db, IOptions<MembershipOptions> options)
{
    public async Task<int?> MemberIdAsync(string? token, CancellationToken ct)
    {
        if (!ConfirmationLink.LooksLikeToken(token)) return null;
        var hash = ConfirmationLink.Hash(token!);
        return await db.MemberConfirmations.Where(c => c.TokenHash == hash).Select(c => (int?)c.MemberId).FirstOrDefaultAsync(ct);
    }

    public async Task<MemberStatusView?> FindAsync(string? token, CancellationToken ct) =>
        await MemberIdAsync(token, ct) is { } id ? await ViewAsync(id, ct) : null;

    public async Task<MemberStatusView> ViewAsync(int memberId, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Join(db.Units, m => m.BoothId, u => u.Id, (m, u) => new { Member = m, u.NameEn, u.NameHi }).FirstAsync(ct);
        // The newest order tells where paying stands: a paid one, if any, outranks a later failed try.
        var orders = await db.PaymentOrders.AsNoTracking().Where(o => o.MemberId == memberId)
            .OrderByDescending(o => o.Id).Select(o => o.State).Take(20).ToListAsync(ct);
        PaymentState? payment = orders.Contains(PaymentState.Paid) ? PaymentState.Paid : orders.Count > 0 ? orders[0] : null;
        var x = m.Member;
        return new(x.Id, x.Source, x.Status, x.Fee, x.NameEn, x.NameHi, PersonRules.MaskVoterId(x.VoterId), PersonRules.Mask(x.Mobile),
            m.NameEn, m.NameHi, payment, x.DecisionNote, options.Value.FeePaise,
            CanClaim: x.Status == MemberStatus.Unconfirmed && x.MobileConfirmedAt is not null && x.Hold != VoterIdHold.Holding);
    }
}
