using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Membership;

public sealed record EnrollmentPage(IReadOnlyList<EnrolledMember> Members, int? Next);

/// <summary>What the enroller owes the party: the cash fees they took, less what they paid in.</summary>
public sealed record CashBook(int CashMembers, int CollectedPaise, int DepositedPaise, int OwedPaise);

/// <summary>An enroller's own members, newest first, and their cash book. Only their own: nobody lists another's.</summary>
public sealed class MyEnrollments(AppDb db, Door door, IOptions<MembershipOptions> options)
{
    public const int PageSize = 50;

    /// <summary>A page of members enrolled before the one numbered <paramref name="before"/> (keyset: nothing counted or
    /// skipped), of the given statuses or all.</summary>
    public async Task<EnrollmentPage?> ListAsync(int? before, CancellationToken ct, IReadOnlyCollection<MemberStatus>? statuses = null)
    {
        if (door.PersonId is not { } me) return null;
        var query = db.Members.AsNoTracking().Where(m => m.EnrolledById == me);
        if (before is { } b) query = query.Where(m => m.Id < b);
        if (statuses is { Count: > 0 }) query = query.Where(m => statuses.Contains(m.Status));
        var members = await query.OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(ct);
        var page = members.Take(PageSize).Select(EnrolledMember.Of).ToList();
        return new(page, members.Count > PageSize ? page[^1].Id : null);
    }

    /// <summary>How many confirmation SMS each of these members of the caller's was sent: the resend button stops at the limit.</summary>
    public async Task<Dictionary<int, int>> LinksSentAsync(IReadOnlyCollection<int> memberIds, CancellationToken ct)
    {
        var ids = memberIds.ToList();
        return await db.MemberConfirmations.Where(c => EF.Parameter(ids).Contains(c.MemberId)).GroupBy(c => c.MemberId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
    }

    public async Task<CashBook?> CashBookAsync(CancellationToken ct)
    {
        if (door.PersonId is not { } me) return null;
        var cash = await db.Members.CountAsync(m => m.EnrolledById == me && m.Fee == FeeState.Cash, ct);
        var deposited = await db.CashDeposits.Where(d => d.EnrollerId == me).SumAsync(d => (int?)d.AmountPaise, ct) ?? 0;
        var collected = cash * options.Value.FeePaise;
        return new(cash, collected, deposited, collected - deposited);
    }
}
