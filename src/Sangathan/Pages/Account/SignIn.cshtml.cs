using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Account;

/// <summary>Office bearers: mobile number, then the code sent to it. The number travels in the form, never the URL.</summary>
[AllowAnonymous]
public sealed class SignInModel(CodeSignIn signIn) : PageModel
{
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Code { get; set; }
    public bool AskForCode { get; private set; }
    public string? Notice { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        switch (await signIn.RequestAsync(Mobile, AuthApi.Ip(HttpContext), ct))
        {
            case CodeRequestResult.InvalidNumber:
                ModelState.AddModelError(nameof(Mobile), T("Enter a valid Indian mobile number of 10 digits."));
                return this.Refused();
            case CodeRequestResult.TooMany:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError("", T("Too many codes were asked for. Please wait a few minutes and try again."));
                return Page();
        }
        AskForCode = true;
        Notice = T("If this number belongs to an office bearer, a code has been sent to it.");
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(string? returnUrl, CancellationToken ct)
    {
        var (session, refused) = await signIn.VerifyAsync(Mobile, Code, AuthApi.Ip(HttpContext), ct);
        if (session is null)
        {
            AskForCode = !refused;
            Response.StatusCode = AuthApi.RefusalStatus(refused);
            ModelState.AddModelError("", AuthApi.RefusalText(refused));
            return Page();
        }
        SessionAuthentication.IssueCookie(HttpContext, session);
        return LocalRedirect(ReturnUrls.Safe(returnUrl));
    }
}
