using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Pages.Units;

/// <summary>Fills a seat: the person is found by mobile if already on record, or added.</summary>
public sealed class AppointModel(AppDb db, Appoint appoint, Jurisdiction jurisdiction) : PageModel
{
    public sealed class AppointForm
    {
        public int PostId { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public string? Mobile { get; set; }
        public string? Email { get; set; }
        public string? Village { get; set; }
        public DateOnly? From { get; set; }
    }

    [BindProperty] public AppointForm Input { get; set; } = new();
    public UnitRef Unit { get; private set; } = null!;
    public List<PostSeats> Posts { get; private set; } = [];
    string Path = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        var access = await jurisdiction.GetAsync(ct);
        return access.CanEdit(Path) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        FormErrors.Localize(ModelState);
        if (ModelState.IsValid)
        {
            var person = new PersonInput(Input.NameEn, Input.NameHi, Input.Mobile, Input.Email, Input.Village,
                null, null, null, null, null, null);
            var outcome = await appoint.RunAsync(id, new AppointmentInput(Input.PostId, null, person, Input.From), ct);
            if (outcome.NotFound) return NotFound();
            if (outcome.Forbidden) return Forbid();
            if (outcome.Succeeded) return Redirect($"/units/{id}");
            outcome.Errors.AddTo(ModelState);
        }
        return await Load(id, ct) ? this.Refused() : NotFound();
    }

    async Task<bool> Load(int id, CancellationToken ct)
    {
        var access = await jurisdiction.GetAsync(ct);
        var unit = await access.Units(db.Units.AsNoTracking()).Where(u => u.Id == id)
            .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi), u.LevelId, u.Path }).FirstOrDefaultAsync(ct);
        if (unit is null) return false;
        Unit = unit.Ref;
        Path = unit.Path;
        var filled = await db.Appointments.Where(a => a.UnitId == id && a.Until == null)
            .GroupBy(a => a.PostId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Posts = (await db.Posts.AsNoTracking().Where(p => p.LevelId == unit.LevelId).OrderBy(p => p.Rank).ToListAsync(ct))
            .Select(p => new PostSeats(p.Id, p.Key, p.NameEn, p.NameHi, p.Seats, filled.GetValueOrDefault(p.Id))).ToList();
        return true;
    }
}
