using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Meetings;
using Sangathan.Membership;
using Sangathan.Platform;

namespace Sangathan.Pages.Meetings;

/// <summary>
/// One meeting: when and where, the counts, who came; for its record keepers the check-in QR to show, the card scanner,
/// marking by hand with a reason, the minutes and photos; for an invited office bearer their own answer.
/// </summary>
public sealed class ShowModel(GetMeeting get, AnswerMeeting answer, MarkByHand mark, RecordMinutes minutes, ChangeMeeting change,
    MeetingLinks links, MeetingZone zone) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public AttendeePage Attendees { get; private set; } = new([], null);
    public string? CheckInUrl { get; private set; }
    public MeetingZone Zone => zone;
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Decisions { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, long? after, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } view) return NotFound();
        Meeting = view;
        Attendees = (await get.AttendeesAsync(id, after, false, ct))!;
        if (view.MayRecord) CheckInUrl = links.CheckIn(id);
        Notes ??= view.Notes;
        Decisions ??= view.Decisions;
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(int id, Answer choice, CancellationToken ct) => DoAsync(id, answer.MineAsync(id, choice, ct), ct);

    public Task<IActionResult> OnPostMarkAsync(int id, string? kind, int who, string? reason, CancellationToken ct) =>
        DoAsync(id, mark.RunAsync(id, new HandMark(kind, who, reason), ct), ct);

    public Task<IActionResult> OnPostMinutesAsync(int id, CancellationToken ct) => DoAsync(id, minutes.SaveAsync(id, new MinutesInput(Notes, Decisions), ct), ct);

    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo, CancellationToken ct) =>
        await DoAsync(id, minutes.AddPhotoAsync(id, await MemberPhoto.ReadUploadAsync(photo, ct), ct), ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) => DoAsync(id, change.CancelAsync(id, ct), ct);

    async Task<IActionResult> DoAsync(int id, Task<Outcome> work, CancellationToken ct)
    {
        var outcome = await work;
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/meetings/{id}");
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        var page = await OnGetAsync(id, null, ct);
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }
}
