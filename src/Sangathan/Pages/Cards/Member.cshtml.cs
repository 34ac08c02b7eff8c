using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Cards;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Cards;

/// <summary>One member's card: a look at it, downloads, sending it to the member, and ending it when lost or after expulsion.</summary>
public sealed class MemberModel(GetMemberCard get, SendCardLink send, RevokeCard revoke) : PageModel
{
    public MemberCardView View { get; private set; } = null!;
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await send.ForMemberAsync(id, ct), T("A link to the card was sent to the member's mobile."), ct);

    public async Task<IActionResult> OnPostRevokeAsync(int id, CardEnd? reason, string? note, CancellationToken ct)
    {
        var outcome = await revoke.RunAsync(id, new RevokeInput(reason, note), ct);
        return await AfterAsync(id, outcome, outcome.Id > 0 ? T("The old card is revoked; card {0} replaces it.", outcome.Id) : T("The card is ended."), ct);
    }

    async Task<IActionResult> AfterAsync(int id, Outcome outcome, string done, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        if (!outcome.Succeeded) Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        else Done = done;
        return await OnGetAsync(id, ct);
    }
}
