using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Dashboards;

/// <summary>
/// Booth coverage of a unit or an assembly constituency, cut by the units below it, by constituency, or booth by
/// booth. One grouped scan of the booths' own counters (seats, seats filled) joined to their one-row member totals:
/// a state's 54,000 booths, never their office bearers or members.
/// </summary>
public sealed class GetCoverage(AppDb db, Places places)
{
    sealed record BoothFigures(string Key, int Booths, int Full, int WithBearer, int Covered, long Verified);

    public async Task<(CoverageData? Data, Platform.Outcome Refusal)> RunAsync(ScopeKind kind, int id, CoverageCut? asked, CancellationToken ct)
    {
        var (open, refusal) = await places.OpenAsync(kind, id, Operations.Read, ct);
        if (open is null) return (null, refusal);
        var boothLevel = await db.Levels.AsNoTracking().OrderByDescending(l => l.Depth).FirstAsync(ct);
        var goal = await new GoalReader(db).ForAsync(open, ct);
        var n = goal.VerifiedPerBooth;
        var depth = open.Path is { } p ? UnitRules.IdsOn(p).Length - 1 : -1;

        var cuts = kind == ScopeKind.Constituency ? [CoverageCut.Units, CoverageCut.Booths]
            : depth >= boothLevel.Depth - 1 ? [CoverageCut.Booths]
            : new List<CoverageCut> { CoverageCut.Units, CoverageCut.Constituencies };
        if (depth == boothLevel.Depth) cuts = [];
        var cut = asked is { } a && cuts.Contains(a) ? a : cuts.Count > 0 ? (depth == 1 ? CoverageCut.Constituencies : cuts[0]) : CoverageCut.Booths;

        var booths = kind == ScopeKind.Unit
            ? db.Units.AsNoTracking().Under(open.Path!).Where(u => u.LevelId == boothLevel.Id)
            : open.Booths.AsNoTracking();
        var joined =
            from b in booths
            join t in db.MemberTotals on b.Id equals t.UnitId into ts
            from t in ts.DefaultIfEmpty()
            select new { b.Id, b.Path, b.ParentId, b.RegionId, b.AssemblyConstituencyId, b.Seats, b.SeatsFilled, Verified = t == null ? 0 : t.Verified };

        List<BoothFigures> figures;
        if (cut == CoverageCut.Booths || (cut == CoverageCut.Units && (kind == ScopeKind.Constituency || depth == boothLevel.Depth - 2)))
        {
            // Booth by booth, or by their mandal: a mandal's or a constituency's few hundred booths.
            var list = await joined.Select(b => new { b.Id, b.ParentId, b.Seats, b.SeatsFilled, b.Verified }).ToListAsync(ct);
            figures = list.GroupBy(b => cut == CoverageCut.Booths ? b.Id : b.ParentId ?? 0)
                .Select(g => Figures(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(b => (b.Seats, b.SeatsFilled, b.Verified)), n)).ToList();
        }
        else if (cut == CoverageCut.Constituencies || depth == 0)
        {
            // The state by district (each booth's region) or by constituency: grouped in the database, 33 or 200 rows back.
            var grouped = cut == CoverageCut.Constituencies
                ? joined.GroupBy(b => b.AssemblyConstituencyId ?? 0)
                : joined.GroupBy(b => b.RegionId ?? 0);
            figures = (await grouped.Select(g => new
                {
                    g.Key, Booths = g.Count(),
                    Full = g.Sum(b => b.Seats > 0 && b.SeatsFilled >= b.Seats ? 1 : 0),
                    WithBearer = g.Sum(b => b.SeatsFilled > 0 ? 1 : 0),
                    Covered = g.Sum(b => b.Verified >= n ? 1 : 0),
                    Verified = g.Sum(b => b.Verified),
                }).ToListAsync(ct))
                .Select(g => new BoothFigures(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Booths, g.Full, g.WithBearer, g.Covered, g.Verified)).ToList();
        }
        else
        {
            // A district by block: its few thousand booths, grouped by the unit below the district on their path.
            var list = await joined.Select(b => new { b.Path, b.Seats, b.SeatsFilled, b.Verified }).ToListAsync(ct);
            figures = list.GroupBy(b => UnitRules.IdsOn(b.Path)[depth + 1])
                .Select(g => Figures(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(b => (b.Seats, b.SeatsFilled, b.Verified)), n)).ToList();
        }

        // The units below with no booth on record are rows too: each is missing at least one booth, as completeness counts.
        if (cut == CoverageCut.Units && kind == ScopeKind.Unit)
        {
            var have = figures.Select(f => f.Key).ToHashSet();
            var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id).Select(u => u.Id).ToListAsync(ct);
            figures.AddRange(children.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(c => !have.Contains(c))
                .Select(c => new BoothFigures(c, 0, 0, 0, 0, 0)));
        }
        var rowKind = cut == CoverageCut.Constituencies ? ScopeKind.Constituency : ScopeKind.Unit;
        var rows = await NameAsync(rowKind, figures, boothLevel.Id, cut == CoverageCut.Booths, ct);
        var own = await db.ExpectedUnits.AsNoTracking()
            .Where(x => x.Kind == kind && x.ScopeId == id && x.LevelId == boothLevel.Id).Select(x => (int?)x.Count).FirstOrDefaultAsync(ct);
        var total = new CoverageRow(kind, id, open.Place.NameEn, open.Place.NameHi, rows.Sum(r => r.Booths),
            Math.Max(own ?? 0, cut == CoverageCut.Booths ? 0 : rows.Sum(r => r.Of)),
            rows.Sum(r => r.Full), rows.Sum(r => r.WithBearer), rows.Sum(r => r.Covered), rows.Sum(r => r.Verified));
        return (new CoverageData(open.Place, n, total, cut, cuts, rows, boothLevel.Id, boothLevel.NameEn, boothLevel.NameHi), Platform.Outcome.Ok(id));
    }

    /// <summary>A booth's part number, which its row's name starts with, so booths sort 1, 2 ... 10, not 1, 10, 2.</summary>
    static int PartOf(string name) => int.TryParse(name.Split('.')[0], out var n) ? n : int.MaxValue;

    static BoothFigures Figures(string key, IEnumerable<(int Seats, int SeatsFilled, long Verified)> booths, int n)
    {
        var list = booths.ToList();
        return new BoothFigures(key, list.Count, list.Count(b => b.Seats > 0 && b.SeatsFilled >= b.Seats),
            list.Count(b => b.SeatsFilled > 0), list.Count(b => b.Verified >= n), list.Sum(b => b.Verified));
    }

    /// <summary>Names the rows and sets what each should have (its own statement of booths expected), weakest first.</summary>
    async Task<List<CoverageRow>> NameAsync(ScopeKind rowKind, List<BoothFigures> figures, int boothLevelId, bool booths, CancellationToken ct)
    {
        var ids = figures.Select(f => int.Parse(f.Key, System.Globalization.CultureInfo.InvariantCulture)).Where(i => i != 0).ToList();
        var names = rowKind == ScopeKind.Unit
            ? await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.NameEn, u.NameHi, Number = u.PartNumber }).ToDictionaryAsync(u => u.Id, u => (u.NameEn, u.NameHi, u.Number), ct)
            : await db.Constituencies.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.NameEn, c.NameHi, Number = (int?)c.Number }).ToDictionaryAsync(c => c.Id, c => (c.NameEn, c.NameHi, c.Number), ct);
        var expected = booths ? [] : await db.ExpectedUnits.AsNoTracking()
            .Where(x => x.Kind == rowKind && ids.Contains(x.ScopeId) && x.LevelId == boothLevelId).ToDictionaryAsync(x => x.ScopeId, x => x.Count, ct);
        return figures.Select(f =>
            {
                var rowId = int.Parse(f.Key, System.Globalization.CultureInfo.InvariantCulture);
                var (en, hi, number) = names.TryGetValue(rowId, out var nm) ? nm : ("—", "—", null);
                if (rowKind == ScopeKind.Constituency && number is { } ac) (en, hi) = ($"{ac} {en}", $"{ac} {hi}");
                if (booths && number is { } part) (en, hi) = ($"{part}. {en}", $"{part}. {hi}");
                var stated = expected.GetValueOrDefault(rowId);
                return new CoverageRow(rowKind, rowId, en, hi, f.Booths, booths ? 0 : f.Booths == 0 ? Math.Max(1, stated) : stated,
                    f.Full, f.WithBearer, f.Covered, f.Verified);
            })
            .OrderBy(r => booths ? 0 : r.CoveredPercent).ThenBy(r => booths ? PartOf(r.NameEn) : 0).ThenBy(r => r.NameEn, StringComparer.Ordinal)
            .ToList();
    }
}
