using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Pages.Units;

/// <summary>The war room's re-cut of a booth: split it, merge others into it, renumber it, move it; each one decision.</summary>
[Authorize(Policy = Access.AccessPolicies.WarRoom)]
public sealed class RecutModel(BoothForRecut query, SplitBooth split, MergeBooths merge, RenumberBooths renumber, MoveUnit move, AppDb db,
    TimeProvider clock) : PageModel
{
    public sealed class Decision
    {
        public DateOnly? On { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class SplitForm
    {
        public string? Code { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public int? PartNumber { get; set; }
        public List<string> Villages { get; set; } = [];
        public string? VoterIds { get; set; }
        public List<int> AppointmentIds { get; set; } = [];
        public int? OwnPartNumber { get; set; }
    }

    public sealed class MergeForm
    {
        public List<int> BoothIds { get; set; } = [];
        public List<int> EndAppointmentIds { get; set; } = [];
    }

    public sealed class ChangeForm
    {
        public string? ParentCode { get; set; }
        public int? PartNumber { get; set; }
        public string? Code { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
    }

    [BindProperty] public Decision Input { get; set; } = new();
    [BindProperty] public SplitForm Split { get; set; } = new();
    [BindProperty] public MergeForm Merge { get; set; } = new();
    [BindProperty] public ChangeForm Change { get; set; } = new();
    public RecutBooth Data { get; private set; } = null!;

    /// <summary>The office bearers of the booths beside this one, for choosing whose appointment ends in a merge.</summary>
    public ILookup<int, BearerHere> SiblingBearers { get; private set; } = Enumerable.Empty<BearerHere>().ToLookup(_ => 0);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Change = new ChangeForm { PartNumber = Data.PartNumber, Code = Data.Booth.Code, NameEn = Data.Booth.NameEn, NameHi = Data.Booth.NameHi };
        return Page();
    }

    public async Task<IActionResult> OnPostSplitAsync(int id, CancellationToken ct)
    {
        var voterIds = (Split.VoterIds ?? "").Split(['\n', '\r', ',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var part = new NewBooth(Split.Code, Split.NameEn, Split.NameHi, Split.PartNumber, voterIds, Split.Villages, Split.AppointmentIds);
        return await AfterAsync(id, await split.RunAsync(id, new SplitInput(Input.On, Input.Reason, [part], Split.OwnPartNumber), ct), ct);
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await merge.RunAsync(id, new MergeInput(Input.On, Input.Reason, Merge.BoothIds, Merge.EndAppointmentIds), ct), ct);

    public async Task<IActionResult> OnPostRenumberAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await renumber.RunAsync(new RenumberInput(Input.On, Input.Reason,
            [new Renumbering(id, Change.PartNumber, Change.Code, Change.NameEn, Change.NameHi)]), ct), ct);

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        var code = (Change.ParentCode ?? "").Trim().ToUpperInvariant();
        var parent = await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            ModelState.AddModelError("Change.ParentCode", Platform.Localization.Texts.T("No unit has the code {0}.", code));
            return await LoadAsync(id, ct) ? this.Refused() : NotFound();
        }
        return await AfterAsync(id, await move.RunAsync(id, new MoveInput(Input.On, Input.Reason, parent, Change.PartNumber), ct), ct);
    }

    async Task<IActionResult> AfterAsync(int id, Platform.Outcome outcome, CancellationToken ct)
    {
        if (this.Refusal(outcome) is { } refused) return refused;
        if (outcome.Succeeded) return Redirect($"/recuts?done={outcome.Id}");
        outcome.Errors.AddTo(ModelState, "Input");
        return await LoadAsync(id, ct) ? this.Refused() : NotFound();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await query.RunAsync(id, ct) is not { } data) return false;
        Data = data;
        var siblings = data.Siblings.Select(s => s.Id).ToList();
        SiblingBearers = (await db.Appointments.AsNoTracking().Where(a => siblings.Contains(a.UnitId) && a.Until == null)
            .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a, p })
            .Join(db.People, x => x.a.PersonId, pe => pe.Id, (x, pe) => new { x.a.UnitId, Bearer = new BearerHere(x.a.Id, x.p.NameEn, x.p.NameHi, pe.NameEn, pe.NameHi) })
            .ToListAsync(ct)).ToLookup(x => x.UnitId, x => x.Bearer);
        return true;
    }
}
