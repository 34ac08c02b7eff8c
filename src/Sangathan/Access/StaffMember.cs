namespace Sangathan.Access;

/// <summary>War-room roles; office bearers get their rights from the posts they hold instead.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string DataEntry = "data-entry";
    public const string Auditor = "auditor";
    public static readonly string[] All = [Admin, DataEntry, Auditor];
}

/// <summary>A war-room account: password plus an authenticator app's code (TOTP).</summary>
public sealed class StaffMember
{
    public int Id { get; set; }
    public required string Username { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Base32 secret shared with the authenticator app.</summary>
    public required string TotpSecret { get; set; }

    /// <summary>Comma-separated <see cref="StaffRoles"/>.</summary>
    public required string Roles { get; set; }

    /// <summary>The last TOTP time step accepted, so one code cannot sign in twice.</summary>
    public long LastTotpStep { get; set; }

    /// <summary>UTC; null for accounts made before this was kept.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>Set while the account may not sign in (UTC): its sessions ended when it was set. Kept, never deleted, for the audit log's sake.</summary>
    public DateTime? DisabledAt { get; set; }
}
