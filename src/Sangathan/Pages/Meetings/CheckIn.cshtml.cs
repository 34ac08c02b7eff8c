using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Meetings;

namespace Sangathan.Pages.Meetings;

/// <summary>
/// What the meeting's own QR opens (no sign-in): the attendee gives their mobile, types the code sent to it and is
/// marked present. Outside the meeting's window the page says why and answers 403, as the API does.
/// </summary>
[AllowAnonymous]
public sealed class CheckInModel(CheckIn checkIn) : PageModel
{
    public CheckInMeeting Meeting { get; private set; } = null!;
    public CheckInResult? Result { get; private set; }
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Proof { get; set; }
    [BindProperty] public string? Chosen { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await checkIn.MeetingAsync(token, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        if (!meeting.Open) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string token, CancellationToken ct) =>
        await ShowAsync(token, await checkIn.SendCodeAsync(token, Mobile, HttpContext.Connection.RemoteIpAddress?.ToString(), ct), ct);

    public async Task<IActionResult> OnPostConfirmAsync(string token, CancellationToken ct) =>
        await ShowAsync(token, await checkIn.ConfirmAsync(token, Mobile, Code, Proof, Chosen, HttpContext.Connection.RemoteIpAddress?.ToString(), ct), ct);

    async Task<IActionResult> ShowAsync(string token, CheckInResult result, CancellationToken ct)
    {
        if (await checkIn.MeetingAsync(token, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        Result = result;
        Proof = result.Proof;
        Response.StatusCode = result.State switch
        {
            CheckInState.CheckedIn or CheckInState.Choose => StatusCodes.Status200OK,
            CheckInState.Closed => StatusCodes.Status403Forbidden,
            CheckInState.Locked => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}
