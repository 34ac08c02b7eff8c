using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Dashboards;
using Sangathan.Data;
using Sangathan.Import;
using Sangathan.Organization;

namespace Sangathan.Pages.Dashboards;

/// <summary>
/// Booth coverage of a unit (/units/{id}/coverage) or an assembly constituency (/constituencies/{id}/coverage), with
/// the form that states how many units of each level below should exist, for those who may set it.
/// </summary>
public sealed class CoverageModel(GetCoverage query, SetGoal goals, Places places, AppDb db) : PageModel
{
    public CoverageData Data { get; private set; } = null!;
    public bool CanSetExpected { get; private set; }
    public List<(LevelRef Level, int? Count)> Expected { get; private set; } = [];

    ScopeKind Kind => Request.Path.StartsWithSegments("/constituencies") ? ScopeKind.Constituency : ScopeKind.Unit;

    public async Task<IActionResult> OnGetAsync(int id, CoverageCut? cut, CancellationToken ct) => await ShowAsync(id, cut, ct) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(int id, CoverageCut? cut, CancellationToken ct)
    {
        if (await ShowAsync(id, cut, ct) is { } refused) return refused;
        var file = new MemoryStream();
        await XlsxBook.WriteAsync(file, DashboardBooks.Coverage(Data), ct);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"coverage-{Data.Place.Code}.xlsx");
    }

    public async Task<IActionResult> OnPostExpectedAsync(int id, Dictionary<int, int?> counts, CancellationToken ct)
    {
        var outcome = await goals.ExpectAsync(Kind, id, new ExpectedInput(counts ?? []), ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        if (outcome.Succeeded) return Redirect($"{Request.Path}#expected");
        outcome.Errors.AddTo(ModelState, "");
        if (await ShowAsync(id, null, ct) is { } hidden) return hidden;
        return this.Refused();
    }

    async Task<IActionResult?> ShowAsync(int id, CoverageCut? cut, CancellationToken ct)
    {
        var (data, refusal) = await query.RunAsync(Kind, id, cut, ct);
        if (data is null) return this.Refusal(refusal);
        Data = data;
        var edit = (await places.OpenAsync(Kind, id, Operations.Edit, ct)).Open;
        CanSetExpected = edit is not null;
        if (edit is null) return null;
        var depth = edit.Path is { } path ? UnitRules.IdsOn(path).Length - 1 : -1;
        var levels = await db.Levels.AsNoTracking().Where(l => l.Depth > depth).OrderBy(l => l.Depth)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).ToListAsync(ct);
        var stated = await db.ExpectedUnits.AsNoTracking().Where(x => x.Kind == Kind && x.ScopeId == id).ToDictionaryAsync(x => x.LevelId, x => x.Count, ct);
        // A constituency holds booths only: the tree's levels above them do not follow its borders.
        if (Kind == ScopeKind.Constituency) levels = levels.Where(l => l.Id == data.BoothLevelId).ToList();
        Expected = levels.Select(l => (l, stated.TryGetValue(l.Id, out var n) ? (int?)n : null)).ToList();
        return null;
    }
}
