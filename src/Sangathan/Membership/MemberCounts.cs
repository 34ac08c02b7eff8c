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
    public People.Gender Gender { get; set; }
    /// <summary>Who enrolled the member in the field (empty for online joins): the enrollers' ranking counts by it.</summary>
    public int? EnrollerId { get; set; }
    public DateOnly Day { get; set; }
    public int Delta { get; set; }
    /// <summary>1 when the member is flagged for scrutiny the first time (the change moves no status: Delta is 0).</summary>
    public int Flagged { get; set; }
}

/// <summary>Members of a unit and everything under it, by status, category and gender: what unit pages and dashboards show.</summary>
public sealed class MemberTally
{
    public int UnitId { get; set; }
    public MemberStatus Status { get; set; }
    public required string Category { get; set; }
    public People.Gender Gender { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// A unit's members in one row, itself and everything under it: what a list of units (the units below, booth coverage)
/// joins to, one row a unit, where <see cref="MemberTally"/> holds dozens.
/// </summary>
public sealed class MemberTotal
{
    public int UnitId { get; set; }
    /// <summary>Everyone who joined, whatever became of them.</summary>
    public long Joined { get; set; }
    public long Verified { get; set; }
    public long Rejected { get; set; }
    /// <summary>Members flagged for scrutiny at least once.</summary>
    public long Flagged { get; set; }
}

/// <summary>An enroller's members in a unit's subtree: the enrollers' ranking of a unit reads its rows, biggest first.</summary>
public sealed class EnrollerTally
{
    public int UnitId { get; set; }
    public int EnrollerId { get; set; }
    public long Joined { get; set; }
    /// <summary>Members who confirmed their mobile (the scrutiny queue and beyond).</summary>
    public long Confirmed { get; set; }
    public long Verified { get; set; }
    public long Rejected { get; set; }
    public long Flagged { get; set; }
}

/// <summary>Members who joined a unit's subtree on a day (any status), for the drive's daily progress.</summary>
public sealed class MemberDayTally
{
    public int UnitId { get; set; }
    public DateOnly Day { get; set; }
    public long Count { get; set; }
}

/// <summary>VoterIdClaimed: two enrollments with one voter ID, the holder's and a claim made by confirming a mobile.
/// PoorPhoto: nearly blank, too dark or blurred (<see cref="PhotoQuality"/>): for a retake.</summary>
public enum FlagKind { SharedMobile = 1, FastEnroller = 2, SameDevice = 3, SimilarPhoto = 4, VoterIdClaimed = 5, PoorPhoto = 6 }

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
