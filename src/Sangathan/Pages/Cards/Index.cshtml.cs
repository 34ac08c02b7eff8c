using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Cards;
using Sangathan.Organization;

namespace Sangathan.Pages.Cards;

/// <summary>Where an office bearer finds cards: the units whose cards they print, and the members they enrolled.</summary>
public sealed class IndexModel(CardLists lists, Door door) : PageModel
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public CardListPage Mine { get; private set; } = new([], null);
    public bool Anywhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? after, CancellationToken ct)
    {
        var reach = await door.ReachAsync(ct);
        // No top to the units they print at: the whole tree.
        Anywhere = reach.Access.Tops(Operations.PrintCards) is null;
        var posts = reach.Access.Scopes.Select(s => s.UnitId).ToList();
        Units = await reach.UnitsTo(Operations.PrintCards).AsNoTracking().Where(u => posts.Contains(u.Id)).OrderBy(u => u.Path).ToListAsync(ct);
        Mine = await lists.MineAsync(after, ct) ?? Mine;
        return Page();
    }
}
