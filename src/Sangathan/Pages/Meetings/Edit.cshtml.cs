using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Meetings;

namespace Sangathan.Pages.Meetings;

/// <summary>
/// Changing a meeting's details from a phone: the API's PUT by a form, through the same use case, so the same rules
/// hold and a new time or place is told to the invitees (and the reminder follows it) just as there.
/// </summary>
public sealed class EditModel(GetMeeting get, ChangeMeeting change, MeetingZone zone) : PageModel
{
    [BindProperty] public DetailsForm Input { get; set; } = new();
    public MeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ShowAsync(id, ct) is { } refused) return refused;
        Input = DetailsForm.Of(Meeting, zone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await ShowAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid)
        {
            FormErrors.Localize(ModelState);
            return this.Refused();
        }
        var outcome = await change.EditAsync(id, Input.ToChange(Meeting, zone), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/meetings/{id}");
        outcome.Errors.AddTo(ModelState);
        return this.Refused();
    }

    /// <summary>
    /// Null when the caller may change the meeting; otherwise the answer: not found, forbidden, or (to any reader, who
    /// sees as much on its page) cancelled. The use case decides again on saving.
    /// </summary>
    async Task<IActionResult?> ShowAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } view) return NotFound();
        Meeting = view;
        if (view.MayChange) return null;
        if (view.Status != MeetingStatus.Cancelled) return Forbid();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
