using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Pages.Units;

/// <summary>Fills a seat: the person is found by mobile if already on record, or added.</summary>
public sealed class AppointModel(AppDb db, Appoint appoint, Door door) : PageModel
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
        public string? MemberVoterId { get; set; }
    }

    [BindProperty] public AppointForm Input { get; set; } = new();
    public UnitRef Unit { get; private set; } = null!;
    public List<PostSeats> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var opened = await door.UnitAsync(id, Operations.Edit, ct);
        if (opened.Refused) return this.Refusal(opened);
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        FormErrors.Localize(ModelState);
        if (ModelState.IsValid)
        {
            var person = new PersonInput(Input.NameEn, Input.NameHi, Input.Mobile, Input.Email, Input.Village,
                null, null, null, null, null, null);
            var outcome = await appoint.RunAsync(id, new AppointmentInput(Input.PostId, null, person, Input.From, Input.MemberVoterId), ct);
            if (outcome.NotFound) return NotFound();
            if (outcome.Forbidden) return Forbid();
            if (outcome.Succeeded) return Redirect($"/units/{id}?appointed={outcome.Id}");
            outcome.Errors.AddTo(ModelState);
        }
        return await Load(id, ct) ? this.Refused() : NotFound();
    }

    async Task<bool> Load(int id, CancellationToken ct)
    {
        var reach = await door.ReachAsync(ct);
        var unit = await reach.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi), u.LevelId }).FirstOrDefaultAsync(ct);
        if (unit is null) return false;
        Unit = unit.Ref;
        var filled = await db.Appointments.Where(a => a.UnitId == id && a.Until == null)
            .GroupBy(a => a.PostId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Posts = (await db.Posts.AsNoTracking().Where(p => p.LevelId == unit.LevelId && p.Until == null).OrderBy(p => p.Rank).ToListAsync(ct))
            .Select(p => new PostSeats(p.Id, p.Key, p.NameEn, p.NameHi, p.Seats, filled.GetValueOrDefault(p.Id))).ToList();
        return true;
    }
}
