using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;

namespace Sangathan.Pages.Membership;

/// <summary>The page a new member's SMS link opens: they confirm on their own phone, with no sign-in.</summary>
[AllowAnonymous]
public sealed class ConfirmModel(ConfirmMember confirm, MemberPages pages) : PageModel
{
    public ConfirmView View { get; private set; } = new(ConfirmState.Unknown, null, null);

    /// <summary>Once confirmed, where the membership stands: the fee online if it is still due, then scrutiny's answer.</summary>
    public MemberStatusView? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        View = await confirm.ViewAsync(token, ct);
        if (View.State == ConfirmState.Confirmed) Status = await pages.FindAsync(token, ct);
        return View.State == ConfirmState.Unknown ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var state = await confirm.ConfirmAsync(token, ct);
        if (state == ConfirmState.Unknown) return NotFound();
        View = await confirm.ViewAsync(token, ct);
        if (View.State == ConfirmState.Confirmed) Status = await pages.FindAsync(token, ct);
        if (state == ConfirmState.Expired) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
