using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

public sealed record EnrollmentUnit(int Id, string Code, string NameEn, string NameHi, int? PartNumber, bool IsBooth);

/// <summary>
/// The units an enroller picks the booth from, one level at a time: first the units of their grants, then what is
/// under each. Nothing outside their grants is listed.
/// </summary>
public sealed class EnrollmentUnits(AppDb db, Door door, EnrollmentRights rights, BoothLevel booths)
{
    /// <summary>One unit inside the caller's grants, or null.</summary>
    public async Task<EnrollmentUnit?> FindAsync(int id, CancellationToken ct)
    {
        if (door.PersonId is not { } me) return null;
        var grants = await rights.ActiveAsync(me, ct);
        var booth = await booths.IdAsync(db, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Path, Unit =
            new EnrollmentUnit(u.Id, u.Code, u.NameEn, u.NameHi, u.PartNumber, u.LevelId == booth) }).FirstOrDefaultAsync(ct);
        return unit is not null && grants.Any(g => Subtree.Holds(g.Path, unit.Path)) ? unit.Unit : null;
    }

    public async Task<IReadOnlyList<EnrollmentUnit>?> ListAsync(int? parentId, CancellationToken ct)
    {
        if (door.PersonId is not { } me) return null;
        var grants = await rights.ActiveAsync(me, ct);
        var booth = await booths.IdAsync(db, ct);
        IQueryable<Unit> units;
        if (parentId is { } id)
        {
            var parentPath = await db.Units.Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (parentPath is null || !grants.Any(g => Subtree.Holds(g.Path, parentPath))) return null;
            // Members belong to booths: units below the booth level (page committees) are not offered.
            var boothDepth = await booths.DepthAsync(db, ct);
            units = db.Units.Where(u => u.ParentId == id && u.Depth <= boothDepth);
        }
        else
        {
            var ids = grants.Select(g => g.UnitId).Distinct().ToList();
            units = db.Units.Where(u => ids.Contains(u.Id));
        }
        return await units.AsNoTracking().OrderBy(u => u.PartNumber).ThenBy(u => u.NameEn)
            .Select(u => new EnrollmentUnit(u.Id, u.Code, u.NameEn, u.NameHi, u.PartNumber, u.LevelId == booth))
            .ToListAsync(ct);
    }
}
