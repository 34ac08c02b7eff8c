using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Demo;

/// <summary>Deletes all organization data, keeping the levels and posts, so the demo can be loaded afresh.</summary>
public static class DemoReset
{
    public static async Task DeleteOrganizationDataAsync(AppDb db, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
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
}
