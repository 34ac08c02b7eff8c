using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>One grant in the tree of who authorized whom, with those its holder authorized under it.</summary>
public sealed record GrantNode(int Id, int? ParentId, int PersonId, string PersonEn, string PersonHi, int UnitId, string UnitEn,
    string UnitHi, DateTime CreatedAt, DateTime? ExpiresAt, int? Quota, int Enrolled, GrantState State, bool CanRevoke,
    List<GrantNode> Children);

/// <param name="Truncated">More grants lie in the subtree than one answer holds: the deepest were left out. Ask for a unit
/// further down to see them.</param>
public sealed record GrantTree(int? UnitId, bool Truncated, IReadOnlyList<GrantNode> Grants);

/// <summary>
/// The grants whose unit lies in a subtree the caller may read, nested by who granted them. A grant whose parent
/// lies outside the subtree (or outside what the caller may read) is at the top of the answer.
/// </summary>
public sealed class GetGrantTree(AppDb db, TimeProvider clock, Door door, GrantLineage lineage)
{
    /// <summary>A district's whole drive fits; the state's, once it reaches the booths, is read a district at a time.</summary>
    public const int Limit = 2000;

    /// <param name="limit">At most <see cref="Limit"/>; a page for a cheap phone asks for fewer.</param>
    /// <returns>Null when the unit does not exist or the caller may not read it.</returns>
    public async Task<GrantTree?> RunAsync(int? unitId, int limit = Limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, Limit);
        var reach = await door.ReachAsync(ct);
        var units = reach.Units;
        if (unitId is { } id)
        {
            var unit = await door.UnitAsync(id, Operations.Read, ct);
            if (unit.Refused) return null;
            units = units.Under(unit.Resource!.Path);
        }
        // A parent's unit is its child's or above it, and a parent is older: by depth, then id, parents come first, and
        // cutting the list short leaves out the bottom of the tree, never the middle.
        var rows = await db.Grants.AsNoTracking()
            .Join(units, g => g.UnitId, u => u.Id, (g, u) => new { g, u.NameEn, u.NameHi, u.Depth })
            .Join(db.People, x => x.g.PersonId, p => p.Id, (x, p) => new { x.g, x.NameEn, x.NameHi, x.Depth, PersonEn = p.NameEn, PersonHi = p.NameHi })
            .OrderBy(x => x.Depth).ThenBy(x => x.g.Id)
            .Take(limit + 1)
            .ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var nodes = rows.Take(limit).Select(x => new GrantNode(x.g.Id, x.g.ParentId, x.g.PersonId, x.PersonEn, x.PersonHi, x.g.UnitId,
            x.NameEn, x.NameHi, Utc(x.g.CreatedAt), x.g.ExpiresAt is { } e ? Utc(e) : null, x.g.Quota, x.g.Enrolled,
            GrantRules.StateOf(x.g.RevokedAt, x.g.ExpiresAt, now, x.g.SuspendedAt), false, [])).ToList();
        var byId = nodes.ToDictionary(n => n.Id);
        var top = new List<GrantNode>();
        foreach (var n in nodes)
            (n.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Children : top).Add(n);
        return new GrantTree(unitId, rows.Count > limit, await MarkRevocableAsync(reach.Access, top, ct));
    }

    /// <summary>
    /// Which grants the caller may revoke: any in force, for the war room; for a person, those below a grant of theirs.
    /// Only the tops of the answer need their ancestors read; below them the answer itself is the lineage.
    /// </summary>
    async Task<List<GrantNode>> MarkRevocableAsync(Access.Access access, List<GrantNode> top, CancellationToken ct)
    {
        var warRoom = GrantRules.IsWarRoom(access);
        var mine = warRoom ? [] : await lineage.RevokingGrantsAsync(access, ct);
        if (!warRoom && mine.Count == 0) return top;
        var aboveTop = new Dictionary<int, bool>();
        var marked = new List<GrantNode>();
        foreach (var n in top)
        {
            var under = warRoom;
            if (!under && n.ParentId is { } p)
            {
                if (!aboveTop.TryGetValue(p, out under)) aboveTop[p] = under = (await lineage.AncestorsAsync(p, ct)).Any(mine.Contains);
            }
            marked.Add(Mark(n, under, warRoom, mine));
        }
        return marked;
    }

    static GrantNode Mark(GrantNode n, bool underMine, bool warRoom, HashSet<int> mine) => n with
    {
        CanRevoke = underMine && n.State == GrantState.Active,
        Children = n.Children.Select(c => Mark(c, warRoom || underMine || mine.Contains(n.Id), warRoom, mine)).ToList(),
    };

    // SQLite gives back the UTC it was given without saying so.
    static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
