using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Dashboards;

/// <summary>
/// The drive's dashboard of a unit or an assembly constituency: members against the target, by status, category and
/// gender, day by day, the units below ranked, the enrollers ranked, the flagged rate. Everything comes from the
/// tallies the fold keeps (a unit's own rows by key; a constituency's booths' rows summed), never from the members.
/// </summary>
public sealed class GetDrive(AppDb db, Places places, IOptions<MembershipOptions> membership, TimeProvider clock)
{
    public const int EnrollersShown = 20;

    public async Task<(DriveData? Data, Platform.Outcome Refusal)> RunAsync(ScopeKind kind, int id, int days, CancellationToken ct)
    {
        var (open, refusal) = await places.OpenAsync(kind, id, Operations.Read, ct);
        if (open is null) return (null, refusal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - DashboardRules.Days(days));
        var unitId = open.Place.Id;
        var unitOnly = kind == ScopeKind.Unit;
        var booths = open.Booths.Select(b => b.Id);

        var tallies = unitOnly
            ? db.MemberTallies.Where(t => t.UnitId == unitId)
            : db.MemberTallies.Where(t => booths.Contains(t.UnitId));
        var byKey = await tallies.GroupBy(t => new { t.Status, t.Category, t.Gender })
            .Select(g => new { g.Key.Status, g.Key.Category, g.Key.Gender, Count = g.Sum(t => t.Count) }).ToListAsync(ct);

        var totals = unitOnly
            ? db.MemberTotals.Where(t => t.UnitId == unitId)
            : db.MemberTotals.Where(t => booths.Contains(t.UnitId));
        var figures = await totals.GroupBy(_ => 1)
            .Select(g => new MemberFigures(g.Sum(t => t.Joined), g.Sum(t => t.Verified), g.Sum(t => t.Rejected), g.Sum(t => t.Flagged)))
            .FirstOrDefaultAsync(ct) ?? MemberFigures.None;

        var dayRows = unitOnly
            ? db.MemberDayTallies.Where(t => t.UnitId == unitId && t.Day >= from)
            : db.MemberDayTallies.Where(t => booths.Contains(t.UnitId) && t.Day >= from);
        var joined = await dayRows.GroupBy(t => t.Day).Select(g => new { Day = g.Key, Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(d => d.Day, d => d.Count, ct);
        var snapshots = await db.DailySnapshots.AsNoTracking().Where(s => s.Kind == kind && s.ScopeId == id && s.Day >= from)
            .ToDictionaryAsync(s => s.Day, s => s.Verified, ct);
        var series = Enumerable.Range(0, today.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
            .Select(d => new DayFigure(d, joined.GetValueOrDefault(d), snapshots.TryGetValue(d, out var v) ? v : null)).ToList();

        var goal = await new GoalReader(db).ForAsync(open, ct);
        var (belowLevel, below) = unitOnly ? await UnitsBelowAsync(unitId, ct) : await MandalsOfAsync(open, ct);
        var constituencies = unitOnly && open.Path is { } path && UnitRules.IdsOn(path).Length == 2
            ? await ConstituenciesUnderAsync(path, ct) : [];
        var (enrollers, enrollerCount) = await EnrollersAsync(open, ct);

        var categories = membership.Value.Categories;
        var data = new DriveData(open.Place, today, figures, goal,
            byKey.GroupBy(k => k.Status).OrderBy(g => DashboardRules.StatusOrder(g.Key))
                .Select(g => DashboardRules.StatusCount(g.Key, g.Sum(k => k.Count))).Where(c => c.Count != 0).ToList(),
            byKey.GroupBy(k => k.Category).Select(g =>
                {
                    var named = categories.FirstOrDefault(c => c.Key == g.Key);
                    return new KeyCount(g.Key, named?.NameEn ?? g.Key, named?.NameHi ?? g.Key, g.Sum(k => k.Count),
                        g.Where(k => k.Status == MemberStatus.Verified).Sum(k => k.Count));
                }).Where(c => c.Count != 0).OrderByDescending(c => c.Count).ToList(),
            byKey.GroupBy(k => k.Gender).OrderBy(g => g.Key)
                .Select(g => DashboardRules.GenderCount(g.Key, g.Sum(k => k.Count), g.Where(k => k.Status == MemberStatus.Verified).Sum(k => k.Count)))
                .Where(c => c.Count != 0).ToList(),
            series, belowLevel, below, constituencies, enrollers, enrollerCount);
        return (data, Platform.Outcome.Ok(id));
    }

    /// <summary>The children of a unit, each with its totals and its own target, the furthest ahead of its target first.</summary>
    async Task<(LevelRef?, IReadOnlyList<BelowRow>)> UnitsBelowAsync(int unitId, CancellationToken ct)
    {
        var rows = await (
            from u in db.Units.AsNoTracking().Where(u => u.ParentId == unitId)
            join t in db.MemberTotals on u.Id equals t.UnitId into ts
            from t in ts.DefaultIfEmpty()
            join g in db.Goals.Where(g => g.Kind == ScopeKind.Unit) on u.Id equals g.ScopeId into gs
            from g in gs.DefaultIfEmpty()
            select new
            {
                u.Id, u.NameEn, u.NameHi, u.LevelId,
                Joined = t == null ? 0 : t.Joined, Verified = t == null ? 0 : t.Verified,
                Rejected = t == null ? 0 : t.Rejected, Flagged = t == null ? 0 : t.Flagged, Target = g == null ? null : g.Members,
            }).ToListAsync(ct);
        if (rows.Count == 0) return (null, []);
        var levelId = rows[0].LevelId;
        var level = await db.Levels.AsNoTracking().Where(l => l.Id == levelId)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).FirstAsync(ct);
        return (level, DashboardRules.Ranked(rows.Select(r => new BelowRow(ScopeKind.Unit, r.Id, r.NameEn, r.NameHi,
            new MemberFigures(r.Joined, r.Verified, r.Rejected, r.Flagged), r.Target))));
    }

    /// <summary>A constituency's booths lie in mandals (of one or two blocks): those mandals, with the members of the constituency's booths in each.</summary>
    async Task<(LevelRef?, IReadOnlyList<BelowRow>)> MandalsOfAsync(OpenPlace open, CancellationToken ct)
    {
        var sums = await (
            from b in open.Booths
            join t in db.MemberTotals on b.Id equals t.UnitId into ts
            from t in ts.DefaultIfEmpty()
            group t by b.ParentId into g
            select new
            {
                ParentId = g.Key, Joined = g.Sum(t => t == null ? 0 : t.Joined), Verified = g.Sum(t => t == null ? 0 : t.Verified),
                Rejected = g.Sum(t => t == null ? 0 : t.Rejected), Flagged = g.Sum(t => t == null ? 0 : t.Flagged),
            }).ToListAsync(ct);
        var ids = sums.Where(s => s.ParentId != null).Select(s => s.ParentId!.Value).ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.NameEn, u.NameHi, u.LevelId }).ToDictionaryAsync(u => u.Id, ct);
        if (units.Count == 0) return (null, []);
        var levelId = units.Values.First().LevelId;
        var level = await db.Levels.AsNoTracking().Where(l => l.Id == levelId)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).FirstAsync(ct);
        return (level, DashboardRules.Ranked(sums.Where(s => s.ParentId is { } p && units.ContainsKey(p)).Select(s =>
        {
            var u = units[s.ParentId!.Value];
            return new BelowRow(ScopeKind.Unit, u.Id, u.NameEn, u.NameHi, new MemberFigures(s.Joined, s.Verified, s.Rejected, s.Flagged), null);
        })));
    }

    /// <summary>The assembly constituencies of a district, summed over its booths in each (a few thousand rows by the path's index).</summary>
    async Task<IReadOnlyList<BelowRow>> ConstituenciesUnderAsync(string path, CancellationToken ct)
    {
        var sums = await (
            from b in db.Units.AsNoTracking().Under(path).Where(u => u.AssemblyConstituencyId != null)
            join t in db.MemberTotals on b.Id equals t.UnitId into ts
            from t in ts.DefaultIfEmpty()
            group t by b.AssemblyConstituencyId into g
            select new
            {
                Ac = g.Key!.Value, Joined = g.Sum(t => t == null ? 0 : t.Joined), Verified = g.Sum(t => t == null ? 0 : t.Verified),
                Rejected = g.Sum(t => t == null ? 0 : t.Rejected), Flagged = g.Sum(t => t == null ? 0 : t.Flagged),
            }).ToListAsync(ct);
        var ids = sums.Select(s => s.Ac).ToList();
        var acs = await db.Constituencies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.NameEn, c.NameHi }).ToDictionaryAsync(c => c.Id, ct);
        var targets = await db.Goals.AsNoTracking().Where(g => g.Kind == ScopeKind.Constituency && ids.Contains(g.ScopeId))
            .ToDictionaryAsync(g => g.ScopeId, g => g.Members, ct);
        return DashboardRules.Ranked(sums.Where(s => acs.ContainsKey(s.Ac)).Select(s => new BelowRow(ScopeKind.Constituency, s.Ac,
            $"{acs[s.Ac].Number} {acs[s.Ac].NameEn}", $"{acs[s.Ac].Number} {acs[s.Ac].NameHi}",
            new MemberFigures(s.Joined, s.Verified, s.Rejected, s.Flagged), targets.GetValueOrDefault(s.Ac))));
    }

    async Task<(IReadOnlyList<EnrollerRow>, int)> EnrollersAsync(OpenPlace open, CancellationToken ct)
    {
        if (open.Place.Kind == ScopeKind.Unit)
        {
            var id = open.Place.Id;
            // Biggest first through the (UnitId, Joined) index: the state's ranking reads 20 rows, not every enroller's.
            var top = await (
                from t in db.EnrollerTallies.Where(t => t.UnitId == id && t.Joined > 0).OrderByDescending(t => t.Joined).ThenBy(t => t.EnrollerId).Take(EnrollersShown)
                join p in db.People on t.EnrollerId equals p.Id
                select new EnrollerRow(p.Id, p.NameEn, p.NameHi, t.Joined, t.Confirmed, t.Verified, t.Flagged)).ToListAsync(ct);
            var count = await db.EnrollerTallies.CountAsync(t => t.UnitId == id && t.Joined > 0, ct);
            return (top.OrderByDescending(r => r.Joined).ThenBy(r => r.PersonId).ToList(), count);
        }
        var booths = open.Booths.Select(b => b.Id);
        var grouped = db.EnrollerTallies.Where(t => booths.Contains(t.UnitId)).GroupBy(t => t.EnrollerId)
            .Select(g => new
            {
                EnrollerId = g.Key, Joined = g.Sum(t => t.Joined), Confirmed = g.Sum(t => t.Confirmed),
                Verified = g.Sum(t => t.Verified), Flagged = g.Sum(t => t.Flagged),
            }).Where(g => g.Joined > 0);
        var rows = await (
            from t in grouped.OrderByDescending(t => t.Joined).ThenBy(t => t.EnrollerId).Take(EnrollersShown)
            join p in db.People on t.EnrollerId equals p.Id
            select new EnrollerRow(p.Id, p.NameEn, p.NameHi, t.Joined, t.Confirmed, t.Verified, t.Flagged)).ToListAsync(ct);
        return (rows.OrderByDescending(r => r.Joined).ThenBy(r => r.PersonId).ToList(), await grouped.CountAsync(ct));
    }
}
