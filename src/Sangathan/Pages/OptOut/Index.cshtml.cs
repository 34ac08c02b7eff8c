using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sangathan.Pages.OptOut;

/// <summary>How anyone stops the party's messages, channel by channel: open to all, no sign-in.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
