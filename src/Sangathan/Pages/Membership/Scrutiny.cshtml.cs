using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;

namespace Sangathan.Pages.Membership;

/// <summary>The district's verification queue on a phone: one card per member, with the three answers.</summary>
public sealed class ScrutinyModel(ScrutinyQueue queue, DecideMember decide) : PageModel
{
    public ScrutinyPage Queue { get; private set; } = new([], null);
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, int? after, CancellationToken ct)
    {
        if (await queue.RunAsync(unit, after, ct) is not { } page) return Forbid();
        Queue = page;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, Decision decision, string? reason, int? unit, CancellationToken ct)
    {
        var outcome = await decide.RunAsync(memberId, decision, new DecisionInput(reason), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        if (!outcome.Succeeded) Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await OnGetAsync(unit, null, ct) is PageResult page ? page : Forbid();
    }
}
