using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Cards;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Pages.Cards;

/// <summary>Where an office bearer finds cards: the units whose cards they print, and the members they enrolled.</summary>
public sealed class IndexModel(CardLists lists, Jurisdiction jurisdiction, AppDb db) : PageModel
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public CardListPage Mine { get; private set; } = new([], null);
    public bool Anywhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? after, CancellationToken ct)
    {
        var access = await jurisdiction.GetAsync(ct);
        Anywhere = access.CanPrintCards("/");
        var ids = access.Scopes.Where(s => access.CanPrintCards(s.Path)).Select(s => s.UnitId).ToList();
        Units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Path).ToListAsync(ct);
        Mine = await lists.MineAsync(after, ct) ?? Mine;
        return Page();
    }
}
