using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Broadcasts;
using Sangathan.Platform;

namespace Sangathan.Pages.Broadcasts;

/// <summary>One broadcast: queued, sent, delivered and failed as they move (the page polls a small JSON), the failures with their reasons, approve and cancel.</summary>
public sealed class ShowModel(GetBroadcast get, DecideBroadcast decide) : PageModel
{
    public BroadcastView Broadcast { get; private set; } = null!;
    public DeliveryCounts Counts { get; private set; } = null!;
    public FailurePage Failures { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(int id, long? after, CancellationToken ct)
    {
        var (view, forbidden) = await get.RunAsync(id, ct);
        if (view is null) return forbidden ? Forbid() : NotFound();
        Broadcast = view;
        Counts = (await get.CountsAsync(id, ct))!;
        Failures = (await get.FailuresAsync(id, after, ct))!;
        return Page();
    }

    /// <summary>The live counts for the page's script: the session cookie's way to the API's small JSON.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken ct) =>
        await get.CountsAsync(id, ct) is { } counts ? new JsonResult(counts) : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => DecideAsync(id, decide.ApproveAsync(id, ct), ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) => DecideAsync(id, decide.CancelAsync(id, ct), ct);

    async Task<IActionResult> DecideAsync(int id, Task<Outcome> decision, CancellationToken ct)
    {
        var outcome = await decision;
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden && outcome.Errors.Count == 0) return Forbid();
        if (outcome.Succeeded) return Redirect($"/broadcasts/{id}");
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
        return await OnGetAsync(id, null, ct);
    }
}
