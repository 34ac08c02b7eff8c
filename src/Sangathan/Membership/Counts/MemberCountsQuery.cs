using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Membership;

public sealed record CategoryCount(string Category, long Verified, long All);

public sealed record DayCount(DateOnly Day, long Joined);

/// <summary>A unit's members, itself and everything under it: verified ones count; the rest are on their way.</summary>
public sealed record UnitMemberCounts(int UnitId, long Verified, long AwaitingScrutiny, long AwaitingMember, long Rejected,
    IReadOnlyList<CategoryCount> Categories, long JoinedLast7Days, IReadOnlyList<DayCount> Days);

/// <summary>
/// Reads a unit's counts from its tallies alone: a handful of rows by primary key, whether the unit holds ten
/// members or a crore. Counts trail enrollment by the few seconds the tally worker takes.
/// </summary>
public sealed class MemberCountsQuery(AppDb db, Door door, TimeProvider clock)
{
    public async Task<UnitMemberCounts?> RunAsync(int unitId, CancellationToken ct)
    {
        if ((await door.UnitAsync(unitId, Operations.Read, ct)).Refused) return null;
        var tallies = await db.MemberTallies.AsNoTracking().Where(t => t.UnitId == unitId).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-29);
        var days = await db.MemberDayTallies.AsNoTracking().Where(t => t.UnitId == unitId && t.Day >= from)
            .OrderBy(t => t.Day).Select(t => new DayCount(t.Day, t.Count)).ToListAsync(ct);
        long Sum(params MemberStatus[] statuses) => tallies.Where(t => statuses.Contains(t.Status)).Sum(t => t.Count);
        var categories = tallies.GroupBy(t => t.Category)
            .Select(g => new CategoryCount(g.Key, g.Where(t => t.Status == MemberStatus.Verified).Sum(t => t.Count), g.Sum(t => t.Count)))
            .OrderByDescending(c => c.Verified).ToList();
        return new UnitMemberCounts(unitId, Sum(MemberStatus.Verified), Sum(MemberStatus.Pending),
            Sum(MemberStatus.Unconfirmed, MemberStatus.AwaitingPayment, MemberStatus.SentBack), Sum(MemberStatus.Rejected),
            categories, days.Where(d => d.Day > today.AddDays(-7)).Sum(d => d.Joined), days);
    }
}
