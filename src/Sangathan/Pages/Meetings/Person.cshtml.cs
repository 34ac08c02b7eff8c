using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Broadcasts;
using Sangathan.Meetings;

namespace Sangathan.Pages.Meetings;

/// <summary>An office bearer's meetings: each with their answer and whether they came, and the rate over those held.</summary>
public sealed class PersonModel(MeetingReports reports, MeetingZone zone) : PageModel
{
    public AttendanceHistory History { get; private set; } = null!;
    public MeetingZone Zone => zone;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.HistoryAsync(RecipientKind.Person, id, ct) is not { } history) return NotFound();
        History = history;
        return Page();
    }
}
