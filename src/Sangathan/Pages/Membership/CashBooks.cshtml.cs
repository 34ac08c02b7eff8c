using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Membership;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Membership;

/// <summary>The war room's cash books: who owes the most, and a deposit recorded when an enroller pays cash in.</summary>
[Authorize(Policy = AccessPolicies.WarRoom)]
public sealed class CashBooksModel(CashBooks books) : PageModel
{
    public IReadOnlyList<EnrollerCash> Owing { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await books.OwingAsync(ct) is not { } owing) return Forbid();
        Owing = owing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int personId, string? rupees, string? note, CancellationToken ct)
    {
        var paise = decimal.TryParse(rupees, NumberStyles.Number, CultureInfo.InvariantCulture, out var r) && r * 100 == Math.Floor(r * 100) && r < 1_000_000
            ? (int)(r * 100) : 0;
        var outcome = await books.DepositAsync(personId, new DepositInput(paise, note), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Message);
        if (!outcome.Succeeded) Response.StatusCode = StatusCodes.Status400BadRequest;
        else Done = T("Deposit of Rs {0} recorded.", paise / 100m);
        return await OnGetAsync(ct);
    }
}
