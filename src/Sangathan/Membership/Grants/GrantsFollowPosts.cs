using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Rights follow posts at once (issue found by an outside test: a person whose appointment ended kept enrolling and
/// printing cards). After a person's posts change, each grant of theirs in force is suspended when no post they hold
/// now (nor a worker record of theirs) carries it (<see cref="GrantRules.Carries"/>), and a suspended one comes back when a post carries it again.
/// Runs in the transaction of the change; each suspension and return is audited.
/// </summary>
public sealed class GrantsFollowPosts(AppDb db, TimeProvider clock, AuditLog audit)
{
    public async Task AfterPostsChangedAsync(int personId, CancellationToken ct)
    {
        var grants = await (from g in db.Grants
                            where g.PersonId == personId && g.RevokedAt == null
                            join u in db.Units on g.UnitId equals u.Id
                            join parent in db.Grants on g.ParentId equals parent.Id into parents
                            from parent in parents.DefaultIfEmpty()
                            join pu in db.Units on parent.UnitId equals pu.Id into parentUnits
                            from pu in parentUnits.DefaultIfEmpty()
                            select new { g.Id, g.SuspendedAt, u.Path, ParentPath = pu == null ? null : pu.Path }).ToListAsync(ct);
        if (grants.Count == 0) return;
        // A worker record carries grants as a post does, and no change of posts ends it.
        var posts = await GrantCarriers.PathsAsync(db, personId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var g in grants)
        {
            var carried = posts.Any(p => GrantRules.Carries(p, g.Path, g.ParentPath));
            if (carried == (g.SuspendedAt is null)) continue;
            await db.Grants.Where(x => x.Id == g.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SuspendedAt, carried ? null : now), ct);
            await audit.RecordAsync(new AuditDraft(carried ? "grant-resume" : "grant-suspend", nameof(Grant), g.Id.ToString(),
                After: JsonSerializer.Serialize(new { person = personId }), Reason: carried ? "a post carries it again" : "no post carries it"), ct);
        }
    }
}
