using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Meetings;

namespace Sangathan.Pages.Meetings;

/// <summary>A unit's meetings, newest first, with the way to call one and to its report.</summary>
public sealed class UnitModel(AppDb db, Door door, GetMeeting get, MeetingZone zone) : PageModel
{
    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public bool MayCall { get; private set; }
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public MeetingZone Zone => zone;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.OfUnitAsync(id, null, ct) is not { } list) return NotFound();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Path, u.NameEn, u.NameHi }).FirstAsync(ct);
        UnitId = id;
        UnitName = Platform.Localization.Texts.Name(unit.NameEn, unit.NameHi);
        MayCall = await door.AllowsAsync(new UnitResource(id, unit.Path), Operations.CallMeeting, ct);
        Meetings = list;
        return Page();
    }
}
