using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Import;

namespace Sangathan.Pages.Imports;

/// <summary>The war room's uploads: a file to import, the templates, and the caller's earlier imports.</summary>
[RequestSizeLimit(ImportOptions.MaxUploadRequestBytes)]
public sealed class IndexModel(AppDb db, Door door, StartImport start, IOptions<ImportOptions> options) : PageModel
{
    public List<ImportJob> Jobs { get; private set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (!access.ReachesAnywhere(Operations.Edit)) return Forbid();
        await LoadAsync(access, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (!access.ReachesAnywhere(Operations.Edit)) return Forbid();
        var (content, error) = await ImportApi.ReadUploadAsync(Upload, options.Value.MaxFileBytes, ct);
        if (error is null)
        {
            var outcome = await start.RunAsync(Upload!.FileName, content!, ct);
            if (outcome.Succeeded) return Redirect($"/imports/{outcome.Id}");
            outcome.Errors.AddTo(ModelState);
        }
        else ModelState.AddModelError(nameof(Upload), error);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(access, ct);
        return Page();
    }

    async Task LoadAsync(Sangathan.Access.Access access, CancellationToken ct) =>
        Jobs = await ImportJobs.Visible(db, access).AsNoTracking().OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
}
