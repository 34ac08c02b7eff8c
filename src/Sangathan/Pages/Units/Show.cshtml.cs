using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;
using Sangathan.Organization;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Units;

public sealed class ShowModel(GetUnitPage query, MemberCountsQuery members) : PageModel
{
    public UnitPageData Data { get; private set; } = null!;
    public UnitMemberCounts? Members { get; private set; }

    /// <summary>What the last change did, said back after it was saved.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? page, [FromQuery] int? appointed, [FromQuery] string? saved, CancellationToken ct)
    {
        var data = await query.RunAsync(id, page ?? 1, ct);
        if (data is null) return NotFound();
        Data = data;
        Members = await members.RunAsync(id, ct);
        var unit = Name(data.Unit.NameEn, data.Unit.NameHi);
        if (data.OfficeBearers.FirstOrDefault(b => b.AppointmentId == appointed) is { } bearer)
            Done = T("Saved: {0} is now {1} of {2}, from {3}.", Name(bearer.NameEn, bearer.NameHi), Name(bearer.PostEn, bearer.PostHi), unit,
                bearer.From.ToString("d MMM yyyy"));
        else if (saved is "new" or "changed")
            Done = saved == "new" ? T("Saved: {0} was added.", unit) : T("Saved: the changes to {0}.", unit);
        return Page();
    }
}
