using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;
using Sangathan.Platform;

namespace Sangathan.Pages.Membership;

/// <summary>
/// The callback URL: the gateway's checkout posts its answer here from its own site, so there is no antiforgery token
/// (and no cookie, cross-site); the gateway's signature and a status query stand in for them.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class PaymentReturnModel(MemberPages pages, PaymentReturn payment) : PageModel
{
    public string Token { get; private set; } = "";

    public IActionResult OnGet(string token) => Redirect($"/join/{Uri.EscapeDataString(token)}");

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await pages.MemberIdAsync(token, ct) is not { } memberId || !Request.HasFormContentType) return NotFound();
        if (await Request.ReadFormOrNullAsync(ct) is not { } form) return BadRequest();
        var outcome = await payment.RunAsync(memberId, CheckoutAnswer.From(form), ct);
        if (outcome == ReturnOutcome.NotFound) return NotFound();
        if (outcome != ReturnOutcome.Unverified) return Redirect($"/join/{token}");
        Token = token;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
