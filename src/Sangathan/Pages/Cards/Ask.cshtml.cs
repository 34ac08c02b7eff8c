using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Cards;

namespace Sangathan.Pages.Cards;

/// <summary>A member asks for their own card: the link goes to the mobile on record, never shown here.</summary>
[AllowAnonymous]
public sealed class AskModel(SendCardLink send) : PageModel
{
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? mobile, CancellationToken ct)
    {
        var outcome = await send.ForMobileAsync(mobile, ct);
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        if (!outcome.Succeeded) Response.StatusCode = StatusCodes.Status400BadRequest;
        Sent = outcome.Succeeded;
        return Page();
    }
}
