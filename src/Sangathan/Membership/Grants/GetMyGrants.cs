using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>A grant of the caller's in force: where they may enroll, and how much of their quota is used.</summary>
public sealed record MyGrant(int Id, int UnitId, string UnitEn, string UnitHi, DateTime? ExpiresAt, int? Quota, int Enrolled);

/// <summary>The caller's grants in force, widest first, as the one rule (<see cref="EnrollmentRights"/>) sees them.</summary>
public sealed class GetMyGrants(AppDb db, Door door, EnrollmentRights rights)
{
    public async Task<List<MyGrant>> RunAsync(CancellationToken ct = default)
    {
        if (door.PersonId is not { } me) return [];
        var active = await rights.ActiveAsync(me, ct);
        var unitIds = active.Select(g => g.UnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.NameEn, u.NameHi }).ToDictionaryAsync(u => u.Id, ct);
        return active.OrderBy(g => g.Path.Length).ThenBy(g => g.Id)
            .Select(g => new MyGrant(g.Id, g.UnitId, names[g.UnitId].NameEn, names[g.UnitId].NameHi,
                g.ExpiresAt is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null, g.Quota, g.Enrolled))
            .ToList();
    }

    /// <summary>Whether the caller holds a grant in force: who sees the enrollment form and their members in the menu.</summary>
    public async Task<bool> HoldsAnyAsync(CancellationToken ct = default) =>
        door.PersonId is { } me && (await rights.ActiveAsync(me, ct)).Count > 0;
}
