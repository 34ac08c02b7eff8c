namespace Sangathan.Access;

// Times are UTC DateTime: SQLite can compare those in queries, and PostgreSQL stores them as timestamptz.

/// <summary>
/// A signed-in session, for a page cookie or an API bearer token alike. Only the token's hash is kept,
/// so a copy of the database signs no one in; revoking the row ends the session at once.
/// </summary>
public sealed class Session
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public int? PersonId { get; set; }
    public int? StaffId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? Ip { get; set; }
}

/// <summary>A one-time code sent by SMS; only its hash is stored.</summary>
public sealed class OtpCode
{
    public long Id { get; set; }
    public required string Mobile { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public string? Ip { get; set; }
}

/// <summary>
/// A failed sign-in: what was tried ("mobile:+91...", "staff:name") and from where (as <see cref="SignInThrottle"/> counts addresses).
/// Enough of them from one address refuse that address; against one key they slow it and tell its owner.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public string? Address { get; set; }
    public DateTime At { get; set; }
}

/// <summary>When the owner of a number or account was last told of failed sign-ins against it: once in a while, not each time.</summary>
public sealed class SignInWarning
{
    public required string Key { get; set; }
    public DateTime At { get; set; }
}
