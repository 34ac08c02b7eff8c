using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Dashboards;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Completeness;

/// <summary>
/// How much of the organization is on record: per level and per region (district), units that exist and units that
/// should, units with anyone in post, seats filled and vacant (a missing unit's seats among them), office bearers
/// with no photo or no mobile. Reads the per-unit counters that UnitTally keeps, so it is one grouped scan of the
/// units, not of people.
/// </summary>
public sealed class GetCompleteness(AppDb db, Door door)
{
    sealed record Row(int? RegionId, int LevelId, int Units, int WithData, int Seats, int Filled, int NoPhoto, int NoMobile);

    public async Task<CompletenessData?> RunAsync(int? scopeUnitId, CancellationToken ct = default)
    {
        var access = await door.CallerAsync(ct);
        scopeUnitId ??= access.ReadsAll ? null : access.HomeUnitId ?? -1;
        var scope = scopeUnitId is { } id
            ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Path, u.Depth }).FirstOrDefaultAsync(ct)
            : await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Path, u.Depth }).FirstOrDefaultAsync(ct);
        if ((await door.OpenAsync(scope is null ? null : new UnitResource(scope.Id, scope.Path), Operations.Read, ct)).Refused) return null;

        var rows = (await db.Units.AsNoTracking().Under(scope!.Path)
            .GroupBy(u => new { u.RegionId, u.LevelId })
            .Select(g => new
            {
                g.Key.RegionId, g.Key.LevelId, Units = g.Count(),
                WithData = g.Sum(u => u.SeatsFilled > 0 ? 1 : 0),
                Seats = g.Sum(u => u.Seats), Filled = g.Sum(u => u.SeatsFilled),
                NoPhoto = g.Sum(u => u.HoldersWithoutPhoto), NoMobile = g.Sum(u => u.HoldersWithoutMobile),
            })
            .ToListAsync(ct)).Select(r => new Row(r.RegionId, r.LevelId, r.Units, r.WithData, r.Seats, r.Filled, r.NoPhoto, r.NoMobile)).ToList();

        var levels = (await db.Levels.AsNoTracking().Include(l => l.Posts).OrderBy(l => l.Depth).ToListAsync(ct))
            .Where(l => l.Depth >= scope.Depth).ToList();
        var regionIds = rows.Where(r => r.RegionId != null).Select(r => r.RegionId!.Value).Distinct().ToList();
        var regions = await db.Units.AsNoTracking().Where(u => regionIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Depth }).ToListAsync(ct);

        // The war room's statements of how many units should exist: the scope's own for its totals; each district's
        // for its row, when the whole tree (or that district) is shown.
        var statedIds = regionIds.Append(scope.Id).ToList();
        var stated = await db.ExpectedUnits.AsNoTracking().Where(x => x.Kind == ScopeKind.Unit && statedIds.Contains(x.ScopeId))
            .ToDictionaryAsync(x => (x.ScopeId, x.LevelId), x => x.Count, ct);
        var regionsOwnStatements = regions.All(r => r.Depth >= scope.Depth);

        List<LevelTally> Sum(IReadOnlyList<Row> part, int? statedBy, Func<LevelTally, int>? floor = null)
        {
            var result = new List<LevelTally>();
            var aboveExpected = 0;
            foreach (var l in levels)
            {
                var mine = part.Where(r => r.LevelId == l.Id).ToList();
                var units = mine.Sum(r => r.Units);
                int? statement = statedBy is { } by && stated.TryGetValue((by, l.Id), out var n) ? n : null;
                // A region with no unit of this level on record still needs one under each unit above it.
                var structural = units == 0 && l.Depth > scope.Depth ? aboveExpected : 0;
                var tally = new LevelTally(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth, units, mine.Sum(r => r.WithData),
                    mine.Sum(r => r.Seats), mine.Sum(r => r.Filled), mine.Sum(r => r.NoPhoto), mine.Sum(r => r.NoMobile),
                    0, l.Posts.Sum(p => p.Seats), statement is not null);
                var expected = Math.Max(Math.Max(units, statement ?? 0), Math.Max(structural, floor?.Invoke(tally) ?? 0));
                tally = tally with { Expected = expected };
                aboveExpected = expected;
                if (units > 0 || expected > 0) result.Add(tally);
            }
            return result;
        }

        var perRegion = regions.OrderBy(r => r.NameEn)
            .Select(r => new RegionTally(r.Id, r.Code, r.NameEn, r.NameHi,
                Sum(rows.Where(t => t.RegionId == r.Id).ToList(), regionsOwnStatements || r.Id == scope.Id ? r.Id : null)))
            .ToList();
        // The scope's totals: what its districts expect together, or its own statement if that says more.
        var outside = rows.Where(r => r.RegionId is null || !regionIds.Contains(r.RegionId.Value)).ToList();
        var totals = Sum(rows, scope.Id, t => perRegion.Sum(r => r.Levels.FirstOrDefault(x => x.LevelId == t.LevelId)?.Expected ?? 0)
            + outside.Where(o => o.LevelId == t.LevelId).Sum(o => o.Units));
        return new CompletenessData(new UnitRef(scope.Id, scope.Code, scope.NameEn, scope.NameHi), totals, perRegion);
    }
}
