using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Import;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Imports;

/// <summary>One import: its progress while it runs, the columns to map, the rows' report, and the decision to commit.</summary>
public sealed class ShowModel(GetImport query, DecideImport decide, Access.Door door) : PageModel
{
    public ImportView View { get; private set; } = null!;

    /// <summary>Whether the reader may add posts (the administrator), and so is offered the post editor.</summary>
    public bool CanAddPosts { get; private set; }
    public RowOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, RowOutcome? outcome, [FromQuery] int? page, CancellationToken ct)
    {
        Outcome = outcome;
        if (await query.RunAsync(id, outcome, page ?? 1, ct) is not { } view) return NotFound();
        View = view;
        CanAddPosts = view.NewPosts > 0 && (await door.CallerAsync(ct)).IsAdmin;
        // The page reloads itself while the import runs: a live progress bar with no script, on any phone.
        if (view.Running) Response.Headers["Refresh"] = "3";
        return Page();
    }

    public async Task<IActionResult> OnPostMapAsync(int id, Dictionary<int, string?>? columns, CancellationToken ct) =>
        await Then(id, await decide.MapAsync(id, new MappingInput((columns ?? []).ToDictionary(c => c.Key, c => string.IsNullOrEmpty(c.Value) ? null : c.Value)), ct), ct);

    public async Task<IActionResult> OnPostCommitAsync(int id, List<int>? include, List<long>? make, bool makeAll, CancellationToken ct) =>
        await Then(id, await decide.CommitAsync(id, new CommitInput(include, make, makeAll), ct), ct);

    async Task<IActionResult> Then(int id, Platform.Outcome outcome, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/imports/{id}");
        outcome.Errors.AddTo(ModelState);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await OnGetAsync(id, null, 1, ct);
    }

    public static string StateText(ImportState state) => state switch
    {
        ImportState.NeedsMapping => T("Columns to map"),
        ImportState.Checking => T("Checking"),
        ImportState.Checked => T("Checked: nothing saved yet"),
        ImportState.Committing => T("Saving"),
        ImportState.Committed => T("Saved"),
        _ => T("Stopped"),
    };
}
