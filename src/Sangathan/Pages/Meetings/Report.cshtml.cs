using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Meetings;
using Sangathan.Organization;

namespace Sangathan.Pages.Meetings;

/// <summary>The per-unit report: meetings by month, and each unit under this one (of a level; those without a meeting this month).</summary>
public sealed class ReportModel(AppDb db, Jurisdiction jurisdiction, MeetingReports reports, MeetingZone zone) : PageModel
{
    public UnitReport Report { get; private set; } = null!;
    public IReadOnlyList<Level> Levels { get; private set; } = [];
    public string? Level { get; private set; }
    public bool Without { get; private set; }
    public bool MayExport { get; private set; }
    public MeetingZone Zone => zone;

    public async Task<IActionResult> OnGetAsync(int id, string? level, bool without, CancellationToken ct)
    {
        if (await reports.UnitAsync(id, level, without, ct) is not { } report) return NotFound();
        Report = report;
        Level = level;
        Without = without;
        var path = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Path).FirstAsync(ct);
        MayExport = (await jurisdiction.GetAsync(ct)).CanExport(path);
        Levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth).ToListAsync(ct);
        return Page();
    }
}
