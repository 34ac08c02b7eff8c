using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Pages;

/// <summary>The front door is the top of the caller's own part of the tree.</summary>
public sealed class IndexModel(AppDb db, Door door) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (!access.ReadsAll)
            return access.HomeUnitId is { } home ? Redirect($"/units/{home}") : Redirect(access.CanReadAudit ? "/audit" : "/account");
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        return root is { } id ? Redirect($"/units/{id}") : RedirectToPage("/Units/Edit");
    }
}
