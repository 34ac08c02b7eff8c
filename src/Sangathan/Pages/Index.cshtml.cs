using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Pages;

/// <summary>
/// The front door starts with what the caller can do: an enroller's "Enroll a member" and their own counts, a
/// scrutinizer's queue, then their own part of the tree. Someone with neither goes straight to the top of their part
/// of the tree, as the war room does.
/// </summary>
public sealed class IndexModel(AppDb db, Door door, EnrollerDay enroller, ScrutinyQueue queue) : PageModel
{
    /// <summary>Counted no further on the home page: "more than" is all a district president needs there.</summary>
    public const int QueueCap = 1000;

    public EnrollerCounts? Enroller { get; private set; }
    public int? Waiting { get; private set; }
    public UnitRef? Home { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (access.ReadsAll)
        {
            var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            return root is { } id ? Redirect($"/units/{id}") : RedirectToPage("/Units/Edit");
        }
        var last = int.TryParse(Request.Cookies[EnrollerDay.LastBoothCookie], out var booth) ? booth : (int?)null;
        Enroller = await enroller.RunAsync(last, ct);
        Waiting = await queue.CountAsync(QueueCap, ct);
        if (Enroller is null && Waiting is null)
            return access.HomeUnitId is { } home ? Redirect($"/units/{home}") : Redirect(access.CanReadAudit ? "/audit" : "/account");
        if (access.HomeUnitId is { } unit)
            Home = await db.Units.Where(u => u.Id == unit).Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).FirstOrDefaultAsync(ct);
        return Page();
    }
}
