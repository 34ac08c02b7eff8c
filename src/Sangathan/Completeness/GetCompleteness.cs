using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Completeness;

/// <summary>
/// How much of the organization is on record: per level and per region (district), units that exist,
/// units with anyone in post, seats filled and vacant, office bearers with no photo or no mobile.
/// Reads the per-unit counters that UnitTally keeps, so it is one grouped scan of the units, not of people.
/// </summary>
public sealed class GetCompleteness(AppDb db, Door door)
{
    public async Task<CompletenessData?> RunAsync(int? scopeUnitId, CancellationToken ct = default)
    {
        var access = await door.CallerAsync(ct);
        scopeUnitId ??= access.ReadsAll ? null : access.HomeUnitId ?? -1;
        var scope = scopeUnitId is { } id
            ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Path }).FirstOrDefaultAsync(ct)
            : await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Path }).FirstOrDefaultAsync(ct);
        if ((await door.OpenAsync(scope is null ? null : new UnitResource(scope.Id, scope.Path), Operations.Read, ct)).Refused) return null;

        var rows = await db.Units.AsNoTracking().Under(scope!.Path)
            .GroupBy(u => new { u.RegionId, u.LevelId })
            .Select(g => new
            {
                g.Key.RegionId, g.Key.LevelId, Units = g.Count(),
                WithData = g.Sum(u => u.SeatsFilled > 0 ? 1 : 0),
                Seats = g.Sum(u => u.Seats), Filled = g.Sum(u => u.SeatsFilled),
                NoPhoto = g.Sum(u => u.HoldersWithoutPhoto), NoMobile = g.Sum(u => u.HoldersWithoutMobile),
            })
            .ToListAsync(ct);

        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth).ToListAsync(ct);
        var regionIds = rows.Where(r => r.RegionId != null).Select(r => r.RegionId!.Value).Distinct().ToList();
        var regions = await db.Units.AsNoTracking().Where(u => regionIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi }).ToListAsync(ct);

        List<LevelTally> Sum(IEnumerable<(int LevelId, int Units, int WithData, int Seats, int Filled, int NoPhoto, int NoMobile)> part) =>
            levels.Select(l =>
            {
                var mine = part.Where(r => r.LevelId == l.Id).ToList();
                return new LevelTally(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth, mine.Sum(r => r.Units),
                    mine.Sum(r => r.WithData), mine.Sum(r => r.Seats), mine.Sum(r => r.Filled),
                    mine.Sum(r => r.NoPhoto), mine.Sum(r => r.NoMobile));
            }).Where(t => t.Units > 0).ToList();

        var tuples = rows.Select(r => (r.RegionId, T: (r.LevelId, r.Units, r.WithData, r.Seats, r.Filled, r.NoPhoto, r.NoMobile))).ToList();
        var perRegion = regions.OrderBy(r => r.NameEn)
            .Select(r => new RegionTally(r.Id, r.Code, r.NameEn, r.NameHi, Sum(tuples.Where(t => t.RegionId == r.Id).Select(t => t.T))))
            .ToList();
        return new CompletenessData(new UnitRef(scope.Id, scope.Code, scope.NameEn, scope.NameHi),
            Sum(tuples.Select(t => t.T)), perRegion);
    }
}
