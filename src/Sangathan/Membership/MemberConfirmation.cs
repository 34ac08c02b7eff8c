namespace Sangathan.Membership;

/// <summary>
/// A link sent by SMS to the member's own mobile. Only its hash is kept; the enroller never sees it, so nobody
/// collects members' codes on their behalf.
/// </summary>
public sealed class MemberConfirmation
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    /// <summary>Set only to save the link with its new member in one batch; never loaded.</summary>
    public Member? Member { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
}
