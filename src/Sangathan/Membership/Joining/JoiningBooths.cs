using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Geography;
using Sangathan.Organization;

namespace Sangathan.Membership;

public sealed record JoinUnit(int Id, string NameEn, string NameHi, int? PartNumber, bool IsBooth);

public sealed record JoinConstituency(int Id, int Number, string NameEn, string NameHi);

/// <summary>
/// How a person joining online finds their booth: down the tree from the top, one level at a time, or straight from
/// their assembly constituency and part number (both printed on the voter slip). Units' names only, as anyone must
/// see them to choose: not their codes, nor anything of their people.
/// </summary>
public sealed class JoiningBooths(AppDb db, BoothLevel level)
{
    public async Task<JoinUnit?> FindAsync(int id, CancellationToken ct)
    {
        var deepest = await level.DepthAsync(db, ct);
        return await db.Units.AsNoTracking().Where(u => u.Id == id).Select(Shape(deepest)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The units under this one (under the top of the tree when none is given); null for no such unit.</summary>
    public async Task<IReadOnlyList<JoinUnit>?> ChildrenAsync(int? parentId, CancellationToken ct)
    {
        var deepest = await level.DepthAsync(db, ct);
        var parent = parentId ?? await db.Units.Where(u => u.ParentId == null).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (parent is null || !await db.Units.AnyAsync(u => u.Id == parent, ct)) return null;
        // Members belong to booths: units below the booth level (page committees) are not offered.
        return await db.Units.AsNoTracking().Where(u => u.ParentId == parent && u.Depth <= deepest)
            .OrderBy(u => u.PartNumber).ThenBy(u => u.NameEn).Select(Shape(deepest)).ToListAsync(ct);
    }

    /// <summary>The units from the top down to this one, for the crumbs above a list.</summary>
    public async Task<IReadOnlyList<JoinUnit>> PathAsync(int id, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null) return [];
        var ids = UnitRules.IdsOn(path);
        var deepest = await level.DepthAsync(db, ct);
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Depth).Select(Shape(deepest)).ToListAsync(ct);
    }

    public async Task<JoinUnit?> ByPartAsync(int constituencyNumber, int partNumber, CancellationToken ct)
    {
        var deepest = await level.DepthAsync(db, ct);
        var constituency = await db.Constituencies.Where(c => c.Kind == ConstituencyKind.Assembly && c.Number == constituencyNumber)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (constituency is null) return null;
        return await db.Units.AsNoTracking().Where(u => u.AssemblyConstituencyId == constituency && u.PartNumber == partNumber && u.Depth == deepest)
            .OrderBy(u => u.Id).Select(Shape(deepest)).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<JoinConstituency>> ConstituenciesAsync(CancellationToken ct) =>
        await db.Constituencies.AsNoTracking().Where(c => c.Kind == ConstituencyKind.Assembly).OrderBy(c => c.Number)
            .Select(c => new JoinConstituency(c.Id, c.Number, c.NameEn, c.NameHi)).ToListAsync(ct);

    static System.Linq.Expressions.Expression<Func<Unit, JoinUnit>> Shape(int deepest) =>
        u => new JoinUnit(u.Id, u.NameEn, u.NameHi, u.PartNumber, u.Depth == deepest);
}
