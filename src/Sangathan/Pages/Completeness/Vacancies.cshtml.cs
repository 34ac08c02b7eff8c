using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Completeness;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Pages.Completeness;

public sealed class VacanciesModel(ListVacancies query, AppDb db, Door door) : PageModel
{
    public VacancyPage Data { get; private set; } = null!;
    public int? Region { get; private set; }
    public int? Level { get; private set; }
    public int? Unit { get; private set; }
    public int? Post { get; private set; }
    public List<(int Id, int LevelId, string NameEn, string NameHi)> Posts { get; private set; } = [];
    public List<UnitRef> Regions { get; private set; } = [];
    public List<LevelRef> Levels { get; private set; } = [];

    public async Task OnGetAsync(int? region, int? level, int? unit, int? post, [FromQuery] int? page, CancellationToken ct)
    {
        (Region, Level, Unit, Post) = (region, level, unit, post);
        Data = await query.RunAsync(region, level, page ?? 1, ct, unit, post);
        Posts = (await db.Posts.AsNoTracking().OrderBy(p => p.LevelId).ThenBy(p => p.Rank).Select(p => new { p.Id, p.LevelId, p.NameEn, p.NameHi }).ToListAsync(ct))
            .Select(p => (p.Id, p.LevelId, p.NameEn, p.NameHi)).ToList();
        Regions = await (await door.ReachAsync(ct)).Units.AsNoTracking().Where(u => u.Depth == 1).OrderBy(u => u.NameEn)
            .Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).ToListAsync(ct);
        Levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).ToListAsync(ct);
    }
}
