using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Organization;

namespace Sangathan.Pages.Units;

/// <summary>A unit and what lay under it as they stood on a past date (the day before a re-cut, say).</summary>
public sealed class OnModel(TreeOn tree, TimeProvider clock) : PageModel
{
    public UnitOn Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, DateOnly? date, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var on = date is { } d && d <= today ? d : today.AddDays(-1);
        var data = await tree.RunAsync(id, on, ct);
        if (data is null) return NotFound();
        Data = data;
        return Page();
    }
}
