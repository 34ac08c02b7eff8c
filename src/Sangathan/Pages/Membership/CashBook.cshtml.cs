using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;

namespace Sangathan.Pages.Membership;

/// <summary>An enroller's own cash book: the fees they took in cash, what they paid in, and what they still owe.</summary>
public sealed class CashBookModel(CashBooks books) : PageModel
{
    public EnrollerBook Book { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await books.BookAsync(null, ct) is not { } book) return Forbid();
        Book = book;
        return Page();
    }
}
