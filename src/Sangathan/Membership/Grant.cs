namespace Sangathan.Membership;

/// <summary>
/// A right to enroll members in a unit and everything under it: the "sunflower". The war room grants the first
/// (ParentId empty); a holder may grant others inside their own scope. Revoking a grant revokes those under it.
/// </summary>
public sealed class Grant
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int UnitId { get; set; }
    public int? ParentId { get; set; }
    public int? GrantedByPersonId { get; set; }
    public int? GrantedByStaffId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    /// <summary>How many members this grant may enroll; empty for no limit.</summary>
    public int? Quota { get; set; }
    /// <summary>Members enrolled under this grant, kept with the quota check in one statement.</summary>
    public int Enrolled { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>
    /// Set while its holder holds no post that carries it (<see cref="GrantRules.Carries"/>): rights follow posts, so
    /// ending the post stops the enrolling at once. A new post that carries it again lifts this.
    /// </summary>
    public DateTime? SuspendedAt { get; set; }
}
