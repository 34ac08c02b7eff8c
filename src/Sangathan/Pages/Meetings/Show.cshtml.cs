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

    /// <summary>Where in the list the page is (the cursor of its first row) and whether it shows only those not yet marked:
    /// a mark by hand comes back to the same place and filter, so a long list is worked through without scrolling back.</summary>
    public long? After { get; private set; }
    public bool Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, long? after, string? show, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } view) return NotFound();
        Meeting = view;
        After = after;
        Waiting = show == "waiting";
        Attendees = (await get.AttendeesAsync(id, after, false, ct, waitingOnly: Waiting))!;
        if (view.MayRecord) CheckInUrl = links.CheckIn(id);
        Notes ??= view.Notes;
        Decisions ??= view.Decisions;
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(int id, Answer choice, CancellationToken ct) => DoAsync(id, answer.MineAsync(id, choice, ct), ct);

    /// <summary>The people ticked in the list, one reason for all; back to the same page of the list and its filter.</summary>
    public Task<IActionResult> OnPostMarkAsync(int id, string[]? pick, string? reason, long? after, string? show, CancellationToken ct) =>
        DoAsync(id, mark.RunManyAsync(id, pick ?? [], reason, single: false, ct), ct, after, show);

    public Task<IActionResult> OnPostMinutesAsync(int id, CancellationToken ct) => DoAsync(id, minutes.SaveAsync(id, new MinutesInput(Notes, Decisions), ct), ct);

    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo, CancellationToken ct) =>
        await DoAsync(id, minutes.AddPhotoAsync(id, await MemberPhoto.ReadUploadAsync(photo, ct), ct), ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) => DoAsync(id, change.CancelAsync(id, ct), ct);

    async Task<IActionResult> DoAsync(int id, Task<Outcome> work, CancellationToken ct, long? after = null, string? show = null)
    {
        var outcome = await work;
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect(Place(id, after, show == "waiting", "#attendance"));
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        var page = await OnGetAsync(id, after, show, ct);
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>The meeting's page at a place of its list, with its filter.</summary>
    public static string Place(int id, long? after, bool waiting, string anchor = "")
    {
        var query = new List<string>();
        if (after is { } a) query.Add("after=" + a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (waiting) query.Add("show=waiting");
        return $"/meetings/{id}" + (query.Count > 0 ? "?" + string.Join("&", query) : "") + anchor;
    }
}
