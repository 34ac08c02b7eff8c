using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Broadcasts;
using Sangathan.Platform;

namespace Sangathan.Pages.OptOut;

/// <summary>
/// The page an e-mail's opt-out link opens, with no sign-in: the GET only asks (a mail scanner that fetches every link
/// must not opt anyone out), the POST stops the channel. A mail client's one-click POST (RFC 8058, the body
/// "List-Unsubscribe=One-Click") comes here too, from no page of ours: the link's MAC is the proof, not a form token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LinkModel(StopChannel stop) : PageModel
{
    public OptOutView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        View = await stop.ViewAsync(token, ct);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        // The button's form and a one-click POST are both forms; a body that claims to be one and is not is refused.
        var form = await Request.ReadFormOrNullAsync(ct);
        if (form is null && Request.HasFormContentType) return BadRequest();
        var oneClick = form is not null && form["List-Unsubscribe"] == "One-Click";
        View = await stop.ByLinkAsync(token, oneClick ? OptOutSource.OneClick : OptOutSource.EmailLink, ct);
        return View is null ? NotFound() : Page();
    }
}
