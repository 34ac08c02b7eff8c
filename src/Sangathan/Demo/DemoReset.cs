using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Demo;

/// <summary>Deletes all organization data, keeping the levels and posts, so the demo can be loaded afresh.</summary>
public static class DemoReset
{
    public static async Task DeleteOrganizationDataAsync(AppDb db, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DeleteMembersAsync(db, ct);
        await db.Representatives.ExecuteDeleteAsync(ct);
        await db.ConstituencyUnits.ExecuteDeleteAsync(ct);
        await db.Appointments.ExecuteDeleteAsync(ct);
        await db.People.ExecuteDeleteAsync(ct);
        await db.Photos.ExecuteDeleteAsync(ct);
        // Units and constituencies refer to their parents, so the deepest go first.
        var depths = await db.Units.Select(u => u.Depth).Distinct().OrderByDescending(d => d).ToListAsync(ct);
        foreach (var depth in depths)
            await db.Units.Where(u => u.Depth == depth).ExecuteDeleteAsync(ct);
        await db.Constituencies.Where(c => c.ParentId != null).ExecuteDeleteAsync(ct);
        await db.Constituencies.ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Members refer to booths and enrollers: they, what hangs on them and their counts go first.</summary>
    static async Task DeleteMembersAsync(AppDb db, CancellationToken ct)
    {
        await db.MemberCountChanges.ExecuteDeleteAsync(ct);
        await db.MemberTallies.ExecuteDeleteAsync(ct);
        await db.MemberDayTallies.ExecuteDeleteAsync(ct);
        await db.MemberTotals.ExecuteDeleteAsync(ct);
        await db.EnrollerTallies.ExecuteDeleteAsync(ct);
        await db.DailySnapshots.ExecuteDeleteAsync(ct);
        await db.Goals.ExecuteDeleteAsync(ct);
        await db.ExpectedUnits.ExecuteDeleteAsync(ct);
        await db.MemberFlags.ExecuteDeleteAsync(ct);
        await db.MemberConfirmations.ExecuteDeleteAsync(ct);
        await db.CardLinks.ExecuteDeleteAsync(ct);
        await db.Cards.ExecuteDeleteAsync(ct);
        await db.MemberNumbers.ExecuteDeleteAsync(ct);
        await db.PaymentOrders.ExecuteDeleteAsync(ct);
        await db.CashDeposits.ExecuteDeleteAsync(ct);
        await db.Members.ExecuteDeleteAsync(ct);
        await db.Grants.Where(g => g.ParentId != null).ExecuteUpdateAsync(s => s.SetProperty(g => g.ParentId, (int?)null), ct);
        await db.Grants.ExecuteDeleteAsync(ct);
    }
}
