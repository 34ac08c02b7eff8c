using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Cards;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Pages.Cards;

/// <summary>A unit's cards: the batch downloads and its verified members, each with a link to their card.</summary>
public sealed class UnitModel(CardLists lists, AppDb db) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public CardListPage Members { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(int id, int? after, CancellationToken ct)
    {
        // The list's own check (the door, for printing the unit's cards) decides; the unit's names are read only once it passed.
        if (await lists.OfUnitAsync(id, after, ct) is not { } page) return NotFound();
        Members = page;
        Unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        return base.Page();
    }
}
