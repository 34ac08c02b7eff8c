using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Cards;

namespace Sangathan.Pages.Cards;

/// <summary>The page a member's card link opens, on their own phone, with no sign-in: the link is the proof.</summary>
[AllowAnonymous]
public sealed class OwnModel(SendCardLink links) : PageModel
{
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await links.MemberOfAsync(token, ct) is null) return NotFound();
        Token = token;
        return Page();
    }
}
