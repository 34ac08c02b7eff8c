using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Completeness;

namespace Sangathan.Pages.Completeness;

public sealed class IndexModel(GetCompleteness query) : PageModel
{
    public CompletenessData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken ct)
    {
        var data = await query.RunAsync(unit, ct);
        if (data is null) return NotFound();
        Data = data;
        return Page();
    }
}
