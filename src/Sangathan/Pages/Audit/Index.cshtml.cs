using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Audit;

namespace Sangathan.Pages.Audit;

public sealed class IndexModel(SearchAudit search, VerifyAuditChain verify) : PageModel
{
    public AuditFilter Filter { get; private set; } = new(null, null, null, null, null, null);
    public AuditPage Data { get; private set; } = null!;
    public ChainReport? Chain { get; private set; }

    public async Task OnGetAsync(string? actor, string? action, string? entity, string? entityId, DateOnly? from, DateOnly? to,
        [FromQuery] int? page, bool verify, CancellationToken ct)
    {
        Filter = new AuditFilter(actor, action, entity, entityId, from, to, page ?? 1);
        Data = await search.RunAsync(Filter, ct);
        if (verify) Chain = await this.verify.RunAsync(ct);
    }

    readonly VerifyAuditChain verify = verify;
}
