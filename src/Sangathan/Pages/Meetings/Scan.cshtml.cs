using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Meetings;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Meetings;

/// <summary>
/// The organizer's card scanner for one meeting, which opens and scans with no connection (its script keeps the scans
/// on the phone); its Scan handler is how the page syncs them with the session cookie, the API's scans endpoint's twin.
/// </summary>
public sealed class ScanModel(GetMeeting get, ScanCard scan, IAntiforgery antiforgery) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } view) return NotFound();
        if (!view.MayRecord) return Forbid();
        Meeting = view;
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken!;
        return Page();
    }

    public async Task<IActionResult> OnPostScanAsync(int id, [FromBody] ScanInput? input, CancellationToken ct) =>
        // A page handler runs even when its body could not be read (not JSON, or none): that is the sender's fault.
        input is null ? BadRequest(new ProblemDetails { Status = 400, Detail = T("The request could not be understood. Please check what you entered.") })
        : (await scan.RunAsync(id, input, ct)) switch
        {
            ({ Present: true } r, _) => new JsonResult(r),
            ({ } r, _) => new JsonResult(r) { StatusCode = StatusCodes.Status422UnprocessableEntity },
            (null, true) => Forbid(),
            _ => NotFound(),
        };
}
