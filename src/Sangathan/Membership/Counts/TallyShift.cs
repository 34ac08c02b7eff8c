using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>A number of members of one status and category moved from one booth to another.</summary>
public sealed record MembersMoved(int FromBooth, int ToBooth, MemberStatus Status, string Category, long Count);

/// <summary>
/// Keeps the member tallies right when members or units move (a booth split or merged, a unit moved under another
/// parent). Tallies hold every unit's subtree totals, so a move takes the counts off the units that no longer hold
/// the members and puts them on those that now do; the ancestors both share are left alone. Runs in the caller's
/// transaction, under the folders' lock: changes still waiting to be folded add up either side of it, being deltas.
/// </summary>
public static class TallyShift
{
    public static async Task MembersAsync(AppDb db, IReadOnlyCollection<MembersMoved> moves, CancellationToken ct)
    {
        if (moves.Count == 0) return;
        await TallyFolder.LockAsync(db, ct);
        var booths = moves.SelectMany(m => new[] { m.FromBooth, m.ToBooth }).Distinct().ToList();
        var paths = await db.Units.IgnoreQueryFilters().Where(u => booths.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var deltas = new Dictionary<(int Unit, MemberStatus Status, string Category), long>();
        foreach (var m in moves)
        {
            var from = UnitRules.IdsOn(paths[m.FromBooth]);
            var to = UnitRules.IdsOn(paths[m.ToBooth]);
            foreach (var unit in from.Except(to)) Add(deltas, (unit, m.Status, m.Category), -m.Count);
            foreach (var unit in to.Except(from)) Add(deltas, (unit, m.Status, m.Category), m.Count);
        }
        await WriteAsync(db, deltas, [], ct);
    }

    /// <summary>A unit (with all under it) moved from <paramref name="oldPath"/> to <paramref name="newPath"/>.</summary>
    public static async Task UnitAsync(AppDb db, int unitId, string oldPath, string newPath, CancellationToken ct)
    {
        var left = UnitRules.IdsOn(oldPath)[..^1].Except(UnitRules.IdsOn(newPath)).ToList();
        var joined = UnitRules.IdsOn(newPath)[..^1].Except(UnitRules.IdsOn(oldPath)).ToList();
        if (left.Count == 0 && joined.Count == 0) return;
        await TallyFolder.LockAsync(db, ct);
        var tallies = await db.MemberTallies.AsNoTracking().Where(t => t.UnitId == unitId && t.Count != 0).ToListAsync(ct);
        var days = await db.MemberDayTallies.AsNoTracking().Where(t => t.UnitId == unitId && t.Count != 0).ToListAsync(ct);
        var deltas = new Dictionary<(int, MemberStatus, string), long>();
        var dayDeltas = new Dictionary<(int, DateOnly), long>();
        foreach (var t in tallies)
        {
            foreach (var unit in left) Add(deltas, (unit, t.Status, t.Category), -t.Count);
            foreach (var unit in joined) Add(deltas, (unit, t.Status, t.Category), t.Count);
        }
        foreach (var t in days)
        {
            foreach (var unit in left) Add(dayDeltas, (unit, t.Day), -t.Count);
            foreach (var unit in joined) Add(dayDeltas, (unit, t.Day), t.Count);
        }
        await WriteAsync(db, deltas, dayDeltas, ct);
    }

    /// <summary>A unit put between a parent and all its children takes the parent's tallies: it now holds all they counted.</summary>
    public static async Task CopyAsync(AppDb db, int fromUnit, int toUnit, CancellationToken ct)
    {
        await TallyFolder.LockAsync(db, ct);
        var tallies = await db.MemberTallies.AsNoTracking().Where(t => t.UnitId == fromUnit && t.Count != 0).ToListAsync(ct);
        var days = await db.MemberDayTallies.AsNoTracking().Where(t => t.UnitId == fromUnit && t.Count != 0).ToListAsync(ct);
        await WriteAsync(db, tallies.ToDictionary(t => (toUnit, t.Status, t.Category), t => t.Count),
            days.ToDictionary(t => (toUnit, t.Day), t => t.Count), ct);
    }

    static void Add<TKey>(Dictionary<TKey, long> deltas, TKey key, long n) where TKey : notnull =>
        deltas[key] = deltas.GetValueOrDefault(key) + n;

    static async Task WriteAsync(AppDb db, Dictionary<(int Unit, MemberStatus Status, string Category), long> deltas,
        Dictionary<(int Unit, DateOnly Day), long> days, CancellationToken ct)
    {
        foreach (var chunk in deltas.Where(d => d.Value != 0).Chunk(500))
            await TallyFolder.UpsertAsync(db, "MemberTallies", "\"UnitId\", \"Status\", \"Category\"",
                chunk.Select(t => (new object[] { t.Key.Unit, (int)t.Key.Status, t.Key.Category }, t.Value)).ToList(), ct);
        foreach (var chunk in days.Where(d => d.Value != 0).Chunk(500))
            await TallyFolder.UpsertAsync(db, "MemberDayTallies", "\"UnitId\", \"Day\"",
                chunk.Select(t => (new object[] { t.Key.Unit, t.Key.Day }, t.Value)).ToList(), ct);
    }
}
