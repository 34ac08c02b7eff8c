using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Membership;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Membership;

/// <summary>
/// The member's own page, from the link their browser was given and their SMS carries: the code, the fee (and a new
/// try after a failed or abandoned one), then scrutiny's answer. A page closed halfway finds its place again here.
/// </summary>
[AllowAnonymous]
public sealed class JoinedModel(MemberPages pages, JoinCodes codes, ClaimVoterId claim, PayFee pay) : PageModel
{
    public MemberStatusView Member { get; private set; } = null!;
    public FeeCheckout? Checkout { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } missing) return missing;
        // A field member confirms by opening their link, not with a code.
        return Member is { Source: MemberSource.Field, Status: MemberStatus.Unconfirmed } ? Redirect($"/m/{token}") : Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(string token, string? code, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } missing) return missing;
        var result = await codes.ConfirmAsync(Member.Id, code, AuthApi.Ip(HttpContext), ct);
        if (result is CodeCheck.Confirmed or CodeCheck.NotWaiting) return Redirect($"/join/{token}");
        ModelState.AddModelError("", AuthApi.RefusalText(result == CodeCheck.Locked));
        Response.StatusCode = AuthApi.RefusalStatus(result == CodeCheck.Locked);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } missing) return missing;
        switch (await codes.ResendAsync(Member.Id, token, AuthApi.Ip(HttpContext), ct))
        {
            case null: return Redirect($"/join/{token}");
            case false:
                ModelState.AddModelError("", T("Too many codes were asked for. Please wait a few minutes and try again."));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default: Notice = T("A new code was sent to your mobile."); break;
        }
        return Page();
    }

    /// <summary>Claims the voter ID another enrollment holds: both go before the district's scrutiny; the fee is next.</summary>
    public async Task<IActionResult> OnPostClaimAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } missing) return missing;
        if (await claim.RunAsync(Member.Id, ct)) return Redirect($"/join/{token}");
        ModelState.AddModelError("", T("There is nothing to claim."));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Makes a new order and hands the payer to the gateway's checkout with one more tap (a form, no script).</summary>
    public async Task<IActionResult> OnPostPayAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } missing) return missing;
        var (checkout, refusal) = await pay.RunAsync(Member.Id, token, ct);
        if (refusal == PayRefusal.NotDue) return Redirect($"/join/{token}");
        Checkout = checkout;
        if (checkout is null)
        {
            ModelState.AddModelError("", refusal == PayRefusal.TooMany
                ? T("Too many payment attempts. Please ask the party office for help.")
                : T("The payment service cannot be reached just now. Please try again in a few minutes."));
            Response.StatusCode = refusal == PayRefusal.TooMany ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }

    async Task<IActionResult?> LoadAsync(string token, CancellationToken ct)
    {
        if (await pages.FindAsync(token, ct) is not { } member) return NotFound();
        Member = member;
        return null;
    }
}
