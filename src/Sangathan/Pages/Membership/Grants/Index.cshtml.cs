using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Pages.Membership.Grants;

/// <summary>
/// The sunflower on a phone: who authorized whom to enroll in a unit and below, with each one's count, a form to
/// authorize someone at this unit or one just below it, and a revoke form for one grant at a time (?revoke=id).
/// </summary>
public sealed class IndexModel(AppDb db, Door door, GetGrantTree tree, GetMyGrants myGrants,
    GrantRights grantRights, RevokeGrant revokeGrant, TimeProvider clock) : PageModel
{
    public sealed class GrantForm
    {
        public int? UnitId { get; set; }
        public string? Mobile { get; set; }
        /// <summary>For a mobile not on record: the new worker's name.</summary>
        public string? Name { get; set; }
        public int? PersonId { get; set; }
        /// <summary>The last day the authorization is good for, in the party's time zone.</summary>
        public DateOnly? Until { get; set; }
        public int? Quota { get; set; }
    }

    public sealed class RevokeForm
    {
        public int GrantId { get; set; }
        public bool Cascade { get; set; } = true;
        public string? Reason { get; set; }
    }

    /// <summary>Nodes a page shows: a few hundred keep a cheap phone's page light; a unit further down shows the rest.</summary>
    public const int Shown = 300;

    [BindProperty] public GrantForm Input { get; set; } = new();
    [BindProperty] public RevokeForm Revoke { get; set; } = new();
    public UnitRef? Unit { get; private set; }
    public UnitRef? Up { get; private set; }
    public List<UnitRef> Below { get; private set; } = [];
    /// <summary>This unit and those just below it where the caller may authorize someone.</summary>
    public List<UnitRef> Grantable { get; private set; } = [];
    public GrantTree Tree { get; private set; } = new(null, false, []);
    public List<MyGrant> Mine { get; private set; } = [];
    public GrantNode? Revoking { get; private set; }

    /// <summary>An address with a unit or grant number that is not a number leads nowhere, like one that does not exist.</summary>
    public async Task<IActionResult> OnGetAsync(int? unitId, int? revoke, CancellationToken ct) =>
        ModelState.IsValid && await LoadAsync(unitId, revoke, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(int? unitId, CancellationToken ct)
    {
        FormErrors.Localize(ModelState);
        if (ModelState.IsValid)
        {
            var i = Input;
            var input = new GrantInput(i.PersonId, i.UnitId, ExpiryOf(i.Until), i.Quota, i.PersonId is null ? i.Mobile : null, i.Name);
            var outcome = await grantRights.RunAsync(input, ct);
            if (outcome.NotFound) return NotFound();
            if (outcome.Forbidden) return Forbid();
            if (outcome.Succeeded) return Redirect($"/membership/grants?unitId={unitId ?? i.UnitId}");
            outcome.Errors.AddTo(ModelState);
        }
        return await LoadAsync(unitId, null, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int? unitId, CancellationToken ct)
    {
        FormErrors.Localize(ModelState);
        if (ModelState.IsValid)
        {
            var (outcome, _) = await revokeGrant.RunAsync(Revoke.GrantId, new RevokeInput(Revoke.Cascade, Revoke.Reason), ct);
            if (outcome.NotFound) return NotFound();
            if (outcome.Forbidden) return Forbid();
            if (outcome.Succeeded) return Redirect($"/membership/grants?unitId={unitId}");
            outcome.Errors.AddTo(ModelState, "Revoke");
        }
        return await LoadAsync(unitId, Revoke.GrantId, ct) ? Page() : NotFound();
    }

    public string Day(DateTime utc) => GrantRules.Day(utc, clock);

    public string LastDay(DateTime expiresUtc) => GrantRules.LastDay(expiresUtc, clock);

    /// <summary>Good through the whole of the last day chosen: it ends at the next midnight, the party's time.</summary>
    DateTimeOffset? ExpiryOf(DateOnly? until)
    {
        if (until is not { } day) return null;
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, clock.LocalTimeZone.GetUtcOffset(midnight));
    }

    /// <summary>The unit asked for, or the caller's own top (the state, for the war room); false if they may not read it.</summary>
    async Task<bool> LoadAsync(int? unitId, int? revoke, CancellationToken ct)
    {
        var reach = await door.ReachAsync(ct);
        var access = reach.Access;
        Mine = await myGrants.RunAsync(ct);
        var units = reach.Units.AsNoTracking();
        var id = unitId ?? (access.ReadsAll
            ? await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
            : access.HomeUnitId);
        if (id is null) return unitId is null;
        var unit = await units.Where(u => u.Id == id)
            .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi), u.ParentId, u.Path }).FirstOrDefaultAsync(ct);
        if (unit is null) return false;
        Unit = unit.Ref;
        Up = await units.Where(u => u.Id == unit.ParentId).Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).FirstOrDefaultAsync(ct);
        var below = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Ref.Id).OrderBy(u => u.NameEn)
            .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi), u.Path }).ToListAsync(ct);
        Below = below.Select(b => b.Ref).ToList();
        var grantable = await grantRights.GrantableAsync(below.Select(b => (b.Ref.Id, b.Path)).Prepend((unit.Ref.Id, unit.Path)), ct);
        Grantable = below.Select(b => b.Ref).Prepend(unit.Ref).Where(u => grantable.Contains(u.Id)).ToList();
        Tree = (await tree.RunAsync(unit.Ref.Id, Shown, ct))!;
        Revoking = revoke is { } r && Find(Tree.Grants, r) is { CanRevoke: true } node ? node : null;
        return true;
    }

    static GrantNode? Find(IEnumerable<GrantNode> nodes, int id) =>
        nodes.Select(n => n.Id == id ? n : Find(n.Children, id)).FirstOrDefault(n => n is not null);
}
