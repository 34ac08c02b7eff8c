using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;

namespace Sangathan.Pages.Account;

/// <summary>Who you are signed in as, and the two ways out.</summary>
public sealed class IndexModel(Door door, Sessions sessions) : PageModel
{
    public Sangathan.Access.Access Access { get; private set; } = Sangathan.Access.Access.Anonymous;

    public async Task OnGetAsync(CancellationToken ct) => Access = await door.CallerAsync(ct);

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken ct)
    {
        if (long.TryParse(User.FindFirstValue(SessionClaims.SessionId), out var id)) await sessions.EndAsync(id, ct);
        Response.Cookies.Delete(SessionAuthentication.Cookie);
        return Redirect("/sign-in");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        await sessions.EndAllAsync(access.PersonId, access.StaffId, ct);
        Response.Cookies.Delete(SessionAuthentication.Cookie);
        return Redirect("/sign-in");
    }
}
