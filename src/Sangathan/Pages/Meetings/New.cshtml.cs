using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Meetings;
using Sangathan.Organization;

namespace Sangathan.Pages.Meetings;

/// <summary>Calling a meeting from a phone: what, when (the party's time), where, who is invited and how they hear of it.</summary>
public sealed class NewModel(AppDb db, Door door, CreateMeeting create, MeetingZone zone) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<Level> Levels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Input.OfficeBearers = Input.Sms = true;
        Input.Minutes = 120;
        return await ShowAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await ShowAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid)
        {
            FormErrors.Localize(ModelState);
            return this.Refused();
        }
        var outcome = await create.RunAsync(Input.ToInput(id, zone.Zone), ct);
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/meetings/{outcome.Id}");
        outcome.Errors.AddTo(ModelState);
        return this.Refused();
    }

    async Task<IActionResult?> ShowAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        var opened = await door.OpenAsync(unit is null ? null : new UnitResource(unit.Id, unit.Path), Operations.CallMeeting, ct);
        if (opened.Refused) return opened.Missing ? NotFound() : Forbid();
        Unit = unit!;
        Levels = await db.Levels.AsNoTracking().Where(l => l.Depth >= Unit.Depth).OrderBy(l => l.Depth).ToListAsync(ct);
        return null;
    }

    /// <summary>The form as posted: the meeting's details, and who is invited and how they hear of it.</summary>
    public sealed class Form : DetailsForm
    {
        public bool OfficeBearers { get; set; }
        public List<string> Levels { get; set; } = [];
        public bool Members { get; set; }
        public string? Mobiles { get; set; }
        public bool Sms { get; set; }
        public bool Email { get; set; }

        public MeetingInput ToInput(int unitId, TimeZoneInfo zone) => new()
        {
            UnitId = unitId, Title = Title, Agenda = Agenda, Minutes = Minutes, Place = Place, VideoLink = VideoLink, StartsAt = StartsAtUtc(zone),
            OfficeBearers = OfficeBearers, Levels = Levels, Members = Members, Sms = Sms, Email = Email,
            Mobiles = (Mobiles ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
    }
}
