using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Geography;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Constituencies;

/// <summary>MLAs and MPs by seat; the war room records a new one by the person's mobile number.</summary>
public sealed class IndexModel(ListConstituencies query, SeatRepresentative seat, Door door) : PageModel
{
    public ConstituencyKind Kind { get; private set; }
    public List<ConstituencyRow> Rows { get; private set; } = [];
    public string? Query { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public const int PageSize = 50;

    public async Task OnGetAsync(ConstituencyKind? kind, string? q, [FromQuery] int? page, CancellationToken ct)
    {
        Kind = kind is { } k && Enum.IsDefined(k) ? k : ConstituencyKind.Assembly;
        Query = q?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 100)] : null;
        PageNumber = Math.Max(page ?? 1, 1);
        (Rows, Total) = await query.PageAsync(Kind, Query, PageNumber, PageSize, ct);
    }

    public async Task<IActionResult> OnPostAsync(ConstituencyKind? kind, int constituencyId, string? mobile, DateOnly? from, CancellationToken ct)
    {
        var e164 = Sangathan.People.PersonRules.NormalizeMobile(mobile);
        // Looked up through the door, as every lookup by mobile is (the war room reaches everyone; the page is theirs).
        var personId = e164 is null ? null : (await (await door.ReachAsync(ct)).PersonByMobileAsync(e164, ct)).Id;
        if (personId is null)
        {
            ModelState.AddModelError("", T("No person on record has this mobile number: add the person first."));
        }
        else
        {
            var outcome = await seat.RunAsync(constituencyId, new RepresentativeInput(personId.Value, from), ct);
            if (outcome.NotFound) return NotFound();
            if (outcome.Succeeded) return Redirect($"/constituencies?kind={kind}");
            outcome.Errors.AddTo(ModelState, "");
        }
        await OnGetAsync(kind, null, null, ct);
        return this.Refused();
    }
}
