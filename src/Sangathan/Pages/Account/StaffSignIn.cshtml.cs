using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Platform;

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
        var (session, refused) = await signIn.RunAsync(Username, Password, Code, AuthApi.Ip(HttpContext), ct);
        if (session is null)
        {
            Response.StatusCode = AuthApi.RefusalStatus(refused);
            ModelState.AddModelError("", AuthApi.RefusalText(refused));
            Password = null;
            return Page();
        }
        SessionAuthentication.IssueCookie(HttpContext, session);
        return LocalRedirect(ReturnUrls.Safe(returnUrl));
    }
}
