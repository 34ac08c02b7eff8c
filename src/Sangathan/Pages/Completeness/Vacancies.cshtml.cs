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
    public List<UnitRef> Regions { get; private set; } = [];
    public List<LevelRef> Levels { get; private set; } = [];

    public async Task OnGetAsync(int? region, int? level, [FromQuery] int? page, CancellationToken ct)
    {
        (Region, Level) = (region, level);
        Data = await query.RunAsync(region, level, page ?? 1, ct);
        Regions = await (await door.ReachAsync(ct)).Units.AsNoTracking().Where(u => u.Depth == 1).OrderBy(u => u.NameEn)
            .Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).ToListAsync(ct);
        Levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).ToListAsync(ct);
    }
}
