using System.Globalization;
using Sangathan.Access;
using Sangathan.Organization;

namespace Sangathan.Membership;

public enum GrantState { Active, Expired, Revoked, Suspended }

/// <summary>The small rules of grants, named once for the use cases, the API and the page.</summary>
public static class GrantRules
{
    /// <summary>More than any booth, block or district could enroll: a typing slip, not a quota.</summary>
    public const int MaxQuota = 1_000_000;

    /// <summary>
    /// The war room's state administrators grant anywhere and revoke any grant. Data entry and auditors do neither:
    /// who may enroll for the party is a decision, not data to be typed in.
    /// </summary>
    public static bool IsWarRoom(Access.Access access) => access.Roles.Contains(StaffRoles.Admin);

    public static GrantState StateOf(DateTime? revokedAt, DateTime? expiresAt, DateTime now, DateTime? suspendedAt = null) =>
        revokedAt is not null ? GrantState.Revoked
        : expiresAt is { } end && end <= now ? GrantState.Expired
        : suspendedAt is not null ? GrantState.Suspended
        : GrantState.Active;

    /// <summary>
    /// Whether a post at <paramref name="postPath"/> carries a grant at <paramref name="grantPath"/>: the post is at the
    /// granted unit or above it, so the right lies inside the holder's own jurisdiction (they can sign in and see the
    /// units and members they enroll), and under a grant it lies inside the granter's unit: rights go down the tree,
    /// never up or across.
    /// </summary>
    public static bool Carries(string postPath, string grantPath, string? parentGrantPath) =>
        Subtree.Holds(postPath, grantPath) && (parentGrantPath is null || Subtree.Holds(parentGrantPath, postPath));

    /// <summary>
    /// Of a person's grants in force, those a post of theirs carries: only these let them authorize others. A worker
    /// with no post enrolls, but does not spread the drive further: that stays with office bearers.
    /// </summary>
    public static IReadOnlyList<ActiveGrant> PostCarried(Access.Access access, IEnumerable<ActiveGrant> grants) =>
        grants.Where(g => access.Scopes.Any(s => Subtree.Holds(s.Path, g.Path))).ToList();

    /// <summary>A grant's date as its reader's calendar shows it (the server's time zone: the party's state).</summary>
    public static string Day(DateTime utc, TimeProvider clock) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone)
            .ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The last day a grant is in force: one ending at midnight is good until the day before.</summary>
    public static string LastDay(DateTime expiresUtc, TimeProvider clock) => Day(expiresUtc.AddTicks(-1), clock);
}
