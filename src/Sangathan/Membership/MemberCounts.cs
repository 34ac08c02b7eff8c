namespace Sangathan.Membership;

/// <summary>
/// One change to the member counts, written in the enrollment's own transaction. Only inserted, so enrollments
/// never queue on a shared counter row; a background job folds these into the tallies every few seconds.
/// </summary>
public sealed class MemberCountChange
{
    public long Id { get; set; }
    public int BoothId { get; set; }
    public MemberStatus Status { get; set; }
    public required string Category { get; set; }
    public DateOnly Day { get; set; }
    public int Delta { get; set; }
}

/// <summary>Members of a unit and everything under it, by status and category: what unit pages show.</summary>
public sealed class MemberTally
{
    public int UnitId { get; set; }
    public MemberStatus Status { get; set; }
    public required string Category { get; set; }
    public long Count { get; set; }
}

/// <summary>Members who joined a unit's subtree on a day (any status), for the drive's daily progress.</summary>
public sealed class MemberDayTally
{
    public int UnitId { get; set; }
    public DateOnly Day { get; set; }
    public long Count { get; set; }
}

/// <summary>VoterIdClaimed: two enrollments with one voter ID, the holder's and a claim made by confirming a mobile.</summary>
public enum FlagKind { SharedMobile = 1, FastEnroller = 2, SameDevice = 3, SimilarPhoto = 4, VoterIdClaimed = 5 }

/// <summary>Something about an enrollment for scrutiny to look at; never a reason to slow enrollment down.</summary>
public sealed class MemberFlag
{
    public long Id { get; set; }
    public int MemberId { get; set; }
    public FlagKind Kind { get; set; }
    public string? Detail { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClearedAt { get; set; }
}
