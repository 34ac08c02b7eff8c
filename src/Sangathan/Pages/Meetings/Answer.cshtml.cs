using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Meetings;

namespace Sangathan.Pages.Meetings;

/// <summary>The answer link in a notice (no sign-in: the signed link names the invitee): the meeting, and coming or not coming.</summary>
[AllowAnonymous]
public sealed class AnswerModel(AnswerMeeting answer) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await answer.ShowAsync(token, ct) is not { } shown) return NotFound();
        Invitation = shown;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, Answer? choice, CancellationToken ct)
    {
        var outcome = await answer.ByLinkAsync(token, choice, ct);
        if (outcome.NotFound) return NotFound();
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        Saved = outcome.Succeeded;
        var page = await OnGetAsync(token, ct);
        if (!outcome.Succeeded) Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }
}
