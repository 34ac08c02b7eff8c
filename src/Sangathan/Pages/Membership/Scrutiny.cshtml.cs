using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Sangathan.Membership;
using Sangathan.Platform;

namespace Sangathan.Pages.Membership;

/// <summary>
/// The district's verification queue on a phone: one card per member, with the three answers. A reject or send-back is
/// asked once more before it is done (the page's script asks on the phone; without it, the page asks). With the script,
/// a decision is sent without reloading the page: the answer is then a small JSON, the card says what was done.
/// </summary>
public sealed class ScrutinyModel(ScrutinyQueue queue, DecideMember decide, IOptions<MembershipOptions> options) : PageModel
{
    /// <summary>The header the page's script sends with a decision, to be answered with JSON rather than the page.</summary>
    public const string ScriptHeader = "X-Sangathan-Script";

    public ScrutinyPage Queue { get; private set; } = new([], null);
    public int? Unit { get; private set; }

    /// <summary>A reject or send-back waiting for its confirmation.</summary>
    public sealed record Confirmation(int MemberId, Decision Decision, string Reason, string Name);
    public Confirmation? Confirming { get; private set; }

    public string CategoryName(string key) =>
        options.Value.Categories.FirstOrDefault(c => c.Key == key) is { } c ? Sangathan.Platform.Localization.Texts.Name(c.NameEn, c.NameHi) : key;

    public async Task<IActionResult> OnGetAsync(int? unit, int? after, CancellationToken ct)
    {
        if (await queue.RunAsync(unit, after, ct) is not { } page) return Forbid();
        (Queue, Unit) = (page, unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, Decision decision, string? reason, bool confirmed, int? unit, CancellationToken ct)
    {
        var script = Request.Headers.ContainsKey(ScriptHeader);
        // Asked once more before a reject or send-back; one without a reason is refused as it is, with nothing to confirm.
        if (decision != Decision.Approve && !confirmed && !string.IsNullOrWhiteSpace(reason))
        {
            if (await OnGetAsync(unit, null, ct) is not PageResult shown) return Forbid();
            Confirming = new(memberId, decision, reason.Trim(), Queue.Members.FirstOrDefault(m => m.Id == memberId)?.NameHi ?? "");
            return shown;
        }
        return await DecideAsync(memberId, decision, reason, unit, script, ct);
    }

    async Task<IActionResult> DecideAsync(int memberId, Decision decision, string? reason, int? unit, bool script, CancellationToken ct)
    {
        var outcome = await decide.RunAsync(memberId, decision, new DecisionInput(reason), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        var status = outcome.Succeeded ? StatusCodes.Status200OK : outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (script) return new JsonResult(new { done = outcome.Succeeded, errors = outcome.Errors.Select(e => e.Message) }) { StatusCode = status };
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        Response.StatusCode = status;
        return await OnGetAsync(unit, null, ct) is PageResult page ? page : Forbid();
    }
}
