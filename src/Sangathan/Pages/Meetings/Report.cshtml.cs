using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Meetings;
using Sangathan.Organization;

namespace Sangathan.Pages.Meetings;

/// <summary>The per-unit report: meetings by month, and each unit under this one (of a level; those without a meeting this month).</summary>
public sealed class ReportModel(AppDb db, Door door, MeetingReports reports, MeetingZone zone) : PageModel
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
        MayExport = !(await door.UnitAsync(id, Operations.Export, ct)).Refused;
        Levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth).ToListAsync(ct);
        return Page();
    }
}
