using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Dashboards;
using Sangathan.Import;

namespace Sangathan.Pages.Dashboards;

/// <summary>
/// The drive's dashboard, of a unit (/units/{id}/drive) or of an assembly constituency (/constituencies/{id}/drive):
/// the same page model behind both addresses, downloadable as .xlsx, with the goal form for those who may set it.
/// </summary>
public sealed class DriveModel(GetDrive query, SetGoal goals, Places places) : PageModel
{
    public DriveData Data { get; private set; } = null!;
    public int Days { get; private set; }
    public bool CanSetGoal { get; private set; }

    [BindProperty] public GoalInput Input { get; set; } = new(null, null, null, null);

    ScopeKind Kind => Request.Path.StartsWithSegments("/constituencies") ? ScopeKind.Constituency : ScopeKind.Unit;

    public async Task<IActionResult> OnGetAsync(int id, int? days, CancellationToken ct) => await ShowAsync(id, days, ct) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(int id, int? days, CancellationToken ct)
    {
        if (await ShowAsync(id, days, ct) is { } refused) return refused;
        var file = new MemoryStream();
        await XlsxBook.WriteAsync(file, DashboardBooks.Drive(Data), ct);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"drive-{Data.Place.Code}-{Data.Today:yyyy-MM-dd}.xlsx");
    }

    public async Task<IActionResult> OnPostGoalAsync(int id, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await goals.RunAsync(Kind, id, Input, ct) : null;
        if (outcome is not null && this.Refusal(outcome) is { } refused) return refused;
        if (outcome is { Succeeded: true }) return Redirect($"{Request.Path}#goal");
        outcome?.Errors.AddTo(ModelState);
        if (await ShowAsync(id, null, ct, keepInput: true) is { } hidden) return hidden;
        return this.Refused();
    }

    async Task<IActionResult?> ShowAsync(int id, int? days, CancellationToken ct, bool keepInput = false)
    {
        Days = DashboardRules.Days(days ?? 30);
        var (data, refusal) = await query.RunAsync(Kind, id, Days, ct);
        if (data is null) return this.Refusal(refusal);
        Data = data;
        CanSetGoal = (await places.OpenAsync(Kind, id, Operations.Edit, ct)).Open is not null;
        if (!keepInput) Input = new GoalInput(data.Goal.Members, data.Goal.From, data.Goal.Until, data.Goal.VerifiedPerBoothSetHere ? data.Goal.VerifiedPerBooth : null);
        return null;
    }
}
