using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Broadcasts;

namespace Sangathan.Pages.Broadcasts;

/// <summary>The broadcasts sent to the parts of the tree the caller may message, newest first.</summary>
public sealed class IndexModel(GetBroadcast get) : PageModel
{
    public IReadOnlyList<BroadcastSummary> Broadcasts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? before, CancellationToken ct)
    {
        if (await get.ListAsync(before, ct) is not { } list) return Forbid();
        Broadcasts = list;
        return Page();
    }
}
