using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Organization;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Recuts;

/// <summary>The war room's re-cuts, newest first, each with what it did and a way to undo it.</summary>
[Authorize(Policy = Access.AccessPolicies.WarRoom)]
public sealed class IndexModel(ListRecuts list, RevertRecut revert) : PageModel
{
    public IReadOnlyList<RecutRow> Rows { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync(int? done, int? undone, CancellationToken ct)
    {
        Rows = await list.RunAsync(1, ct);
        if (Rows.FirstOrDefault(r => r.Id == (done ?? undone)) is { } row)
            Done = done is not null ? T("Saved: re-cut no. {0}, {1}.", row.Id, Said(row)) : T("Undone: re-cut no. {0}. Everything it did stands as before it.", row.Id);
    }

    public async Task<IActionResult> OnPostRevertAsync(int recutId, string? reason, CancellationToken ct)
    {
        var outcome = await revert.RunAsync(recutId, new RevertInput(reason), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/recuts?undone={recutId}");
        outcome.Errors.AddTo(ModelState, "");
        await OnGetAsync(null, null, ct);
        return this.Refused();
    }

    /// <summary>What a re-cut did, in the reader's language.</summary>
    public static string Said(RecutRow r) =>
        T("{0} units made, {1} ended, {2} renumbered or moved; {3} members and {4} office bearers moved",
            r.UnitsMade, r.UnitsEnded, r.UnitsChanged, r.MembersMoved, r.AppointmentsMoved);

    public static string KindName(RecutKind kind) => kind switch
    {
        RecutKind.Split => T("Split"),
        RecutKind.Merge => T("Merge"),
        RecutKind.Renumber => T("Renumber"),
        _ => T("Move"),
    };
}
