namespace Sangathan.Membership;

/// <summary>
/// A registration on the website, once by the address it came from ("ip:...") and once by its voter ID, hashed
/// ("voter:..."): the limits count them in the database, so every app server sees the same counts.
/// </summary>
public sealed class JoinAttempt
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public DateTime At { get; set; }
}
