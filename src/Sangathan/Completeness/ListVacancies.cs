using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Completeness;

public sealed record VacantUnit(
    int UnitId, string Code, string NameEn, string NameHi, string LevelEn, string LevelHi,
    IReadOnlyList<UnitRef> Path, int Seats, int Filled, IReadOnlyList<PostSeats> VacantPosts);

public sealed record VacancyPage(int Total, int Page, int PageSize, IReadOnlyList<VacantUnit> Units);

/// <summary>
/// The war room's work list: units with at least one empty seat, top levels first, a page at a time,
/// narrowed to a region and a level. Which posts are empty is worked out only for the page shown.
/// </summary>
public sealed class ListVacancies(AppDb db, Door door)
{
    public const int PageSize = 50;

    public async Task<VacancyPage> RunAsync(int? regionId, int? levelId, int page, CancellationToken ct = default)
    {
        var reach = await door.ReachAsync(ct);
        var query = reach.Units.AsNoTracking().Where(u => u.SeatsFilled < u.Seats);
        if (regionId is { } r) query = query.Where(u => u.RegionId == r || u.Id == r);
        if (levelId is { } l) query = query.Where(u => u.LevelId == l);

        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var units = await query.OrderBy(u => u.Depth).ThenBy(u => u.Path).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.LevelId, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, u.Path, u.Seats, u.SeatsFilled })
            .ToListAsync(ct);

        var ids = units.Select(u => u.Id).ToList();
        var filled = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Until == null)
            .GroupBy(a => new { a.UnitId, a.PostId }).Select(g => new { g.Key.UnitId, g.Key.PostId, N = g.Count() })
            .ToListAsync(ct);
        var levelIds = units.Select(u => u.LevelId).Distinct().ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => levelIds.Contains(p.LevelId) && p.Until == null).OrderBy(p => p.Rank).ToListAsync(ct);
        var ancestorIds = units.SelectMany(u => UnitRules.IdsOn(u.Path)[..^1]).Distinct().ToList();
        var ancestors = await reach.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id))
            .Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).ToDictionaryAsync(u => u.Id, ct);

        var rows = units.Select(u => new VacantUnit(u.Id, u.Code, u.NameEn, u.NameHi, u.LevelEn, u.LevelHi,
            UnitRules.IdsOn(u.Path)[..^1].Where(ancestors.ContainsKey).Select(a => ancestors[a]).ToList(),
            u.Seats, u.SeatsFilled,
            posts.Where(p => p.LevelId == u.LevelId)
                .Select(p => new PostSeats(p.Id, p.Key, p.NameEn, p.NameHi, p.Seats,
                    filled.Where(f => f.UnitId == u.Id && f.PostId == p.Id).Sum(f => f.N)))
                .Where(p => p.Vacant > 0).ToList()))
            .ToList();
        return new VacancyPage(total, page, PageSize, rows);
    }
}
