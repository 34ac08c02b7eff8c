using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>A member moved from one booth to another (as they stand now).</summary>
public sealed record MemberMoved(int FromBooth, int ToBooth, Member Member);

/// <summary>
/// Keeps the member tallies right when members or units move (a booth split or merged, a unit moved under another
/// parent). Tallies hold every unit's subtree totals, so a move takes the counts off the units that no longer hold
/// the members and puts them on those that now do; the ancestors both share are left alone. Every kind of tally moves
/// (by status, category and gender; by day joined; the totals; the enrollers'), summed by <see cref="TallySums"/>'s
/// own rules. Runs in the caller's transaction, under the folders' lock: changes still waiting to be folded add up
/// either side of it, being deltas.
/// </summary>
public static class TallyShift
{
    public static async Task MembersAsync(AppDb db, IReadOnlyCollection<MemberMoved> moves, CancellationToken ct)
    {
        if (moves.Count == 0) return;
        await TallyFolder.LockAsync(db, ct);
        var booths = moves.SelectMany(m => new[] { m.FromBooth, m.ToBooth }).Distinct().ToList();
        var paths = await db.Units.IgnoreQueryFilters().Where(u => booths.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var flagged = new HashSet<int>();
        foreach (var chunk in moves.Select(m => m.Member.Id).Chunk(500))
            flagged.UnionWith(await db.MemberFlags.Where(f => chunk.Contains(f.MemberId)).Select(f => f.MemberId).Distinct().ToListAsync(ct));
        var sums = new TallySums();
        foreach (var m in moves)
        {
            var from = UnitRules.IdsOn(paths[m.FromBooth]);
            var to = UnitRules.IdsOn(paths[m.ToBooth]);
            foreach (var unit in from.Except(to)) sums.AddMember(unit, m.Member, flagged.Contains(m.Member.Id), -1);
            foreach (var unit in to.Except(from)) sums.AddMember(unit, m.Member, flagged.Contains(m.Member.Id));
        }
        await sums.WriteAsync(db, ct);
    }

    /// <summary>A unit (with all under it) moved from <paramref name="oldPath"/> to <paramref name="newPath"/>.</summary>
    public static async Task UnitAsync(AppDb db, int unitId, string oldPath, string newPath, CancellationToken ct)
    {
        var left = UnitRules.IdsOn(oldPath)[..^1].Except(UnitRules.IdsOn(newPath)).Select(u => (u, -1));
        var joined = UnitRules.IdsOn(newPath)[..^1].Except(UnitRules.IdsOn(oldPath)).Select(u => (u, 1));
        var onto = left.Concat(joined).ToList();
        if (onto.Count == 0) return;
        await TallyFolder.LockAsync(db, ct);
        var sums = new TallySums();
        await sums.AddUnitAsync(db, unitId, onto, ct);
        await sums.WriteAsync(db, ct);
    }

    /// <summary>A unit put between a parent and all its children takes the parent's tallies: it now holds all they counted.</summary>
    public static async Task CopyAsync(AppDb db, int fromUnit, int toUnit, CancellationToken ct)
    {
        await TallyFolder.LockAsync(db, ct);
        var sums = new TallySums();
        await sums.AddUnitAsync(db, fromUnit, [(toUnit, 1)], ct);
        await sums.WriteAsync(db, ct);
    }
}
