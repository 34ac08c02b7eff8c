using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Dashboards;

/// <summary>
/// What a dashboard is about, as its reader sees it: a unit (with the units above it, to go back up), or an assembly
/// constituency, which is not a unit of the tree but its booths, those of them in the reader's reach.
/// </summary>
public sealed record Place(ScopeKind Kind, int Id, string Code, string NameEn, string NameHi, string KindEn, string KindHi,
    IReadOnlyList<UnitRef> Above, bool IsBooth, string? Reservation)
{
    public string Href(string page) => Kind == ScopeKind.Unit ? $"/units/{Id}/{page}" : $"/constituencies/{Id}/{page}";
}

/// <summary>A place let in through the door, with the booths its figures are made of (for a constituency).</summary>
public sealed record OpenPlace(Place Place, string? Path, IQueryable<Unit> Booths);

/// <summary>Opens a unit or a constituency for a dashboard: a unit through the door, a constituency by its booths in reach.</summary>
public sealed class Places(AppDb db, Door door)
{
    public const string BoothLevelKey = "booth";

    public async Task<(OpenPlace? Open, Platform.Outcome Refusal)> OpenAsync(ScopeKind kind, int id,
        OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        return kind == ScopeKind.Unit ? await UnitAsync(id, operation, ct) : await ConstituencyAsync(id, operation, ct);
    }

    async Task<(OpenPlace?, Platform.Outcome)> UnitAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var opened = await door.UnitAsync(id, operation, ct);
        if (opened.Refused) return (null, opened.Refusal);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Path, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, LevelDepth = u.Level.Depth })
            .FirstAsync(ct);
        var deepest = await db.Levels.MaxAsync(l => l.Depth, ct);
        var reach = await door.ReachAsync(ct);
        var aboveIds = UnitRules.IdsOn(unit.Path)[..^1];
        var above = await reach.Units.AsNoTracking().Where(u => aboveIds.Contains(u.Id)).OrderBy(u => u.Depth)
            .Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).ToListAsync(ct);
        var place = new Place(ScopeKind.Unit, unit.Id, unit.Code, unit.NameEn, unit.NameHi, unit.LevelEn, unit.LevelHi,
            above, unit.LevelDepth == deepest, null);
        return (new OpenPlace(place, unit.Path, db.Units.Where(u => false)), Platform.Outcome.Ok(id));
    }

    /// <summary>
    /// A constituency is read by whoever reads one of its booths, and shows only the booths they read: its figures are
    /// sums over those. Setting its goals is the war room's (it lies across the tree's units), as editing all is.
    /// </summary>
    async Task<(OpenPlace?, Platform.Outcome)> ConstituencyAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var ac = await db.Constituencies.AsNoTracking().Where(c => c.Id == id && c.Kind == Geography.ConstituencyKind.Assembly)
            .Select(c => new { c.Id, c.Number, c.NameEn, c.NameHi, c.Reservation }).FirstOrDefaultAsync(ct);
        var access = await door.CallerAsync(ct);
        var reach = await door.ReachAsync(ct);
        var booths = reach.Units.Where(u => u.AssemblyConstituencyId == id);
        if (ac is null || (!access.ReadsAll && !await booths.AnyAsync(ct))) return (null, Platform.Outcome.Missing());
        if (operation != Operations.Read && !(operation == Operations.Edit && access.EditsAll)) return (null, Platform.Outcome.Denied());
        var place = new Place(ScopeKind.Constituency, ac.Id, ac.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ac.NameEn, ac.NameHi, "Assembly constituency", "विधानसभा क्षेत्र", [], false, ac.Reservation);
        return (new OpenPlace(place, null, booths), Platform.Outcome.Ok(id));
    }
}
