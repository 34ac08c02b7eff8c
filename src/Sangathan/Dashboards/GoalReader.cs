using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Dashboards;

/// <summary>
/// A place's goal as a dashboard uses it: its own target, and the verified members that make a booth covered, which the
/// nearest unit above that states it decides (a constituency follows the top of the tree).
/// </summary>
internal sealed class GoalReader(AppDb db)
{
    public async Task<GoalView> ForAsync(OpenPlace open, CancellationToken ct)
    {
        var own = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Kind == open.Place.Kind && g.ScopeId == open.Place.Id, ct);
        int[] chain = open.Path is { } path
            ? UnitRules.IdsOn(path)
            : await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).Take(1).ToArrayAsync(ct);
        var above = await db.Goals.AsNoTracking().Where(g => g.Kind == ScopeKind.Unit && chain.Contains(g.ScopeId) && g.VerifiedPerBooth != null)
            .Select(g => new { g.ScopeId, g.VerifiedPerBooth }).ToListAsync(ct);
        var inherited = chain.Reverse().Select(id => above.FirstOrDefault(g => g.ScopeId == id)?.VerifiedPerBooth).FirstOrDefault(n => n is not null);
        var perBooth = own?.VerifiedPerBooth ?? inherited ?? DashboardRules.DefaultVerifiedPerBooth;
        return new GoalView(own?.Members, own?.From, own?.Until, perBooth, own?.VerifiedPerBooth is not null);
    }
}
