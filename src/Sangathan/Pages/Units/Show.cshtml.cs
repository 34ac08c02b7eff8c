using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Pages.Units;

public sealed class ShowModel(GetUnitPage query, MemberCountsQuery members) : PageModel
{
    public UnitPageData Data { get; private set; } = null!;
    public UnitMemberCounts? Members { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? page, CancellationToken ct)
    {
        var data = await query.RunAsync(id, page ?? 1, ct);
        if (data is null) return NotFound();
        Data = data;
        Members = await members.RunAsync(id, ct);
        return Page();
    }
}
