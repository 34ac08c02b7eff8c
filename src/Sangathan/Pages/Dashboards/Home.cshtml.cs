using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Pages.Dashboards;

/// <summary>The menu's "Drive": the dashboard of the top of the tree for the war room, of one's highest post for an office bearer.</summary>
public sealed class HomeModel(Door door, AppDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        var home = access.ReadsAll
            ? await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
            : access.HomeUnitId;
        // Someone with no post and no war-room role (an auditor) has no drive of their own: the home page says what they have.
        return Redirect(home is { } id ? $"/units/{id}/drive" : "/");
    }
}
