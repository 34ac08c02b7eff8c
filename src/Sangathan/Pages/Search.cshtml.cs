using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Search;

namespace Sangathan.Pages;

public sealed class SearchModel(SearchDirectory search) : PageModel
{
    public SearchResults Results { get; private set; } = new("", [], []);
    public bool TooLong { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(string? q, CancellationToken ct)
    {
        TooLong = q is { Length: > SearchDirectory.MaxQuery };
        if (TooLong) Response.StatusCode = StatusCodes.Status400BadRequest;
        else Results = await search.RunAsync(q, ct);
    }
}
