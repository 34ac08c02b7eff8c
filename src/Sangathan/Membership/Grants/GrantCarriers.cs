using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Where a person stands in the tree for their grants: the units of the posts they hold today and of their worker
/// records. A grant is carried while one of these carries it (<see cref="GrantRules.Carries"/>): granting asks this,
/// and so does <see cref="GrantsFollowPosts"/> when posts change.
/// </summary>
public static class GrantCarriers
{
    public static async Task<List<string>> PathsAsync(AppDb db, int personId, CancellationToken ct)
    {
        var posts = db.Appointments.Where(a => a.PersonId == personId && a.Until == null).Select(a => a.UnitId);
        var work = db.Workers.Where(w => w.PersonId == personId).Select(w => w.UnitId);
        return await db.Units.Where(u => posts.Contains(u.Id) || work.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct);
    }
}
