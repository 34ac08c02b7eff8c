using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Units;

/// <summary>Adds a unit (at /units/new?parentId=) or edits one; a new parent code moves it.</summary>
public sealed class EditModel(AppDb db, SaveUnit save, Door door, Sangathan.Membership.BoothLevel booths) : PageModel
{
    public sealed class UnitForm
    {
        public string? ParentCode { get; set; }
        public string? Code { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public int? AssemblyConstituencyId { get; set; }
        public int? PartNumber { get; set; }
    }

    [BindProperty] public UnitForm Input { get; set; } = new();
    public int? Id { get; private set; }
    public bool IsBooth { get; private set; }
    public List<(int Id, string Label)> Constituencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? parentId, CancellationToken ct)
    {
        Id = id;
        if (await RefuseAsync(id, ct) is { } refusal) return refusal;
        if (id is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
            var parentCode = await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Code).FirstOrDefaultAsync(ct);
            Input = new UnitForm { ParentCode = parentCode, Code = unit.Code, NameEn = unit.NameEn, NameHi = unit.NameHi,
                AssemblyConstituencyId = unit.AssemblyConstituencyId, PartNumber = unit.PartNumber };
        }
        else if (parentId is { } p)
        {
            Input.ParentCode = await (await door.ReachAsync(ct)).Units.Where(u => u.Id == p).Select(u => u.Code).FirstOrDefaultAsync(ct);
        }
        await LoadChoices(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (await RefuseAsync(id, ct) is { } refusal) return refusal;
        FormErrors.Localize(ModelState);
        int? parentId = null;
        var code = Input.ParentCode?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code))
        {
            // The unit's present parent stays usable even when it lies above the caller's posts.
            var currentParent = id is null ? null : await db.Units.Where(u => u.Id == id).Select(u => u.ParentId).FirstOrDefaultAsync(ct);
            var reachable = (await door.ReachAsync(ct)).Units;
            parentId = await db.Units.Where(u => u.Code == code && (u.Id == currentParent || reachable.Any(v => v.Id == u.Id)))
                .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (parentId is null) ModelState.AddModelError("Input.ParentCode", T("No unit has the code {0}.", code));
        }
        if (ModelState.IsValid)
        {
            var input = new UnitInput(parentId, Input.Code, Input.NameEn, Input.NameHi, Input.AssemblyConstituencyId, Input.PartNumber);
            var outcome = id is { } unitId ? await save.UpdateAsync(unitId, input, ct) : await save.CreateAsync(input, ct);
            if (outcome.NotFound) return NotFound();
            if (outcome.Forbidden) return Forbid();
            if (outcome.Succeeded) return Redirect($"/units/{outcome.Id}?saved={(id is null ? "new" : "changed")}");
            outcome.Errors.AddTo(ModelState);
        }
        await LoadChoices(ct);
        return this.Refused();
    }

    async Task LoadChoices(CancellationToken ct)
    {
        // Booths carry their assembly constituency and part number.
        var boothDepth = await booths.DepthAsync(db, ct);
        var parentDepth = await db.Units.Where(u => u.Code == (Input.ParentCode ?? "")).Select(u => (int?)u.Depth).FirstOrDefaultAsync(ct);
        IsBooth = parentDepth + 1 == boothDepth;
        if (IsBooth)
            Constituencies = (await db.Constituencies.AsNoTracking().Where(c => c.Kind == Geography.ConstituencyKind.Assembly)
                .OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.NameEn, c.NameHi }).ToListAsync(ct))
                .Select(c => (c.Id, $"{c.Number} {Name(c.NameEn, c.NameHi)}")).ToList();
    }

    /// <summary>
    /// Decided before anything else, so a form posted about a unit out of reach echoes nothing back:
    /// 404 for a unit the caller may not see, 403 where they may look but not edit.
    /// </summary>
    async Task<IActionResult?> RefuseAsync(int? id, CancellationToken ct)
    {
        if (id is not { } unitId) return (await door.CallerAsync(ct)).ReachesAnywhere(Operations.Edit) ? null : Forbid();
        var opened = await door.UnitAsync(unitId, Operations.Edit, ct);
        return opened.Refused ? this.Refusal(opened) : null;
    }
}
