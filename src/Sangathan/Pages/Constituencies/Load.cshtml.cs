using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Geography;

namespace Sangathan.Pages.Constituencies;

/// <summary>The war room loads the official list of constituencies (and their members) from a file.</summary>
[Authorize(Policy = Access.AccessPolicies.WarRoom)]
public sealed class LoadModel(LoadConstituencies load, Microsoft.Extensions.Options.IOptions<Import.ImportOptions> options) : PageModel
{
    public ConstituencyLoad? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var (content, error) = await Import.ImportApi.ReadUploadAsync(file, options.Value.MaxFileBytes, ct);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return this.Refused();
        }
        Result = await load.RunAsync(content!, ct);
        return Result.Saved ? Page() : this.Refused();
    }
}
