using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Organization;

/// <summary>A unit moved under another parent: the one place that rewrites its subtree's paths and regions.</summary>
public static class UnitMove
{
    /// <summary>
    /// Rewrites the path and region of everything at or under <paramref name="oldPath"/> in one statement. Units under it
    /// that have ended move too: their history stays readable where it now stands.
    /// </summary>
    public static async Task RewriteAsync(AppDb db, string oldPath, string newPath, CancellationToken ct)
    {
        var region = UnitRules.RegionOn(newPath);
        await db.Units.IgnoreQueryFilters().Under(oldPath)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Path, Subtree.Moved(oldPath, newPath))
                .SetProperty(u => u.RegionId, u => u.Depth == 1 ? u.Id : region), ct);
    }
}
