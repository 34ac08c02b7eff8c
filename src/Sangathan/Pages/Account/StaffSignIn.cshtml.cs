using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Account;

[AllowAnonymous]
public sealed class StaffSignInModel(StaffSignIn signIn) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        var (session, locked) = await signIn.RunAsync(Username, Password, Code, AuthApi.Ip(HttpContext), ct);
        if (session is null)
        {
            Response.StatusCode = locked ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
            ModelState.AddModelError("", locked
                ? T("Too many wrong attempts: sign-in is locked for a while. Please try again later.")
                : T("That did not match. Check what you entered and try again."));
            Password = null;
            return Page();
        }
        Response.Cookies.Append(SessionAuthentication.Cookie, session.Token, SessionAuthentication.CookieOptions(Request, session.ExpiresAt));
        return LocalRedirect(returnUrl is { Length: > 1 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
