using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sangathan.Pages.Cards;

/// <summary>
/// The public verification page (no sign-in): it reads a card's QR with the phone's camera or from a picture and checks
/// its signature in the browser (WebCrypto) against the keys it keeps, with the revocation list it keeps, so it works
/// with no connection once opened; online it also asks the server and shows the photo on record.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel : PageModel
{
    public void OnGet() { }
}
