using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
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
            .Where(g => g.PersonId == personId && g.RevokedAt == null && g.SuspendedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
            .Join(db.Units, g => g.UnitId, u => u.Id, (g, u) => new ActiveGrant(g.Id, g.UnitId, u.Path, g.Quota, g.Enrolled, g.ExpiresAt))
            .ToListAsync(ct);
    }

    /// <summary>The grant to enroll a member of this unit under: the narrowest that covers it and has quota left.</summary>
    public static ActiveGrant? Covering(IEnumerable<ActiveGrant> grants, string unitPath) =>
        grants.Where(g => Subtree.Holds(g.Path, unitPath) && (g.Quota is null || g.Enrolled < g.Quota))
            .OrderByDescending(g => g.Path.Length).FirstOrDefault();

    /// <summary>
    /// <see cref="Covering"/> and <see cref="SpendAsync"/> in one statement, for the enrollment's hot path: the narrowest
    /// grant of @person in force over the booth @unit (a unit of the booth level @level) with quota left, at @now, spent by one. It
    /// answers that grant's id, or nothing.
    /// </summary>
    public static readonly string SpendSql = $"""
        UPDATE "Grants" SET "Enrolled" = "Enrolled" + 1
        WHERE "Id" = (
            SELECT g."Id" FROM "Grants" AS g
            JOIN "Units" AS scope ON scope."Id" = g."UnitId"
            JOIN "Units" AS unit ON unit."Id" = @unit AND unit."LevelId" = @level
            WHERE g."PersonId" = @person AND g."RevokedAt" IS NULL AND g."SuspendedAt" IS NULL AND (g."ExpiresAt" IS NULL OR g."ExpiresAt" > @now)
                AND (g."Quota" IS NULL OR g."Enrolled" < g."Quota")
                AND {Subtree.SqlJoin("unit.\"Path\"", "scope.\"Path\"")}
            ORDER BY length(scope."Path") DESC
            LIMIT 1)
        AND ("Quota" IS NULL OR "Enrolled" < "Quota")
        RETURNING "Id"
        """;

    /// <summary>
    /// Counts one enrollment against a grant, in the caller's transaction. One statement checks and spends the quota,
    /// so two phones of the same enroller cannot both take the last place.
    /// </summary>
    public async Task<bool> SpendAsync(int grantId, CancellationToken ct) =>
        await db.Grants.Where(g => g.Id == grantId && (g.Quota == null || g.Enrolled < g.Quota))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Enrolled, g => g.Enrolled + 1), ct) == 1;
}
