using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>A grant in force, with its unit's present path (units can move; the grant follows its unit).</summary>
public sealed record ActiveGrant(int Id, int UnitId, string Path, int? Quota, int Enrolled, DateTime? ExpiresAt);

/// <summary>
/// The one rule for enrollment rights: a person may enroll in a unit, and grant others there, while a grant of
/// theirs covers it and is neither revoked nor expired. Everything about who may enroll asks this.
/// </summary>
public sealed class EnrollmentRights(AppDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ActiveGrant>> ActiveAsync(int personId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Grants.AsNoTracking()
            .Where(g => g.PersonId == personId && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
            .Join(db.Units, g => g.UnitId, u => u.Id, (g, u) => new ActiveGrant(g.Id, g.UnitId, u.Path, g.Quota, g.Enrolled, g.ExpiresAt))
            .ToListAsync(ct);
    }

    /// <summary>The grant to enroll a member of this unit under: the narrowest that covers it and has quota left.</summary>
    public static ActiveGrant? Covering(IEnumerable<ActiveGrant> grants, string unitPath) =>
        grants.Where(g => UnitRules.IsWithin(unitPath, g.Path) && (g.Quota is null || g.Enrolled < g.Quota))
            .OrderByDescending(g => g.Path.Length).FirstOrDefault();

    /// <summary>
    /// Counts one enrollment against a grant, in the caller's transaction. One statement checks and spends the quota,
    /// so two phones of the same enroller cannot both take the last place.
    /// </summary>
    public async Task<bool> SpendAsync(int grantId, CancellationToken ct) =>
        await db.Grants.Where(g => g.Id == grantId && (g.Quota == null || g.Enrolled < g.Quota))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Enrolled, g => g.Enrolled + 1), ct) == 1;
}
