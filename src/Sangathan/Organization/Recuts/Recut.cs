namespace Sangathan.Organization;

/// <summary>Split: one booth becomes several. Merge: several become one. Renumber: new part numbers (and codes, names).
/// Move: a unit goes under another parent.</summary>
public enum RecutKind { Split = 1, Merge = 2, Renumber = 3, Move = 4 }

/// <summary>
/// One re-cut of the booths (after a delimitation or a revision of polling stations), decided by the war room as one
/// audited decision with the day it takes effect and why. Each thing it did is a <see cref="RecutStep"/> (and each
/// member it moved a <see cref="MemberMove"/>), so that it can be undone as one, while nothing done later depends on it.
/// </summary>
public sealed class Recut
{
    public int Id { get; set; }
    public RecutKind Kind { get; set; }

    /// <summary>The first day the new shape holds: members and posts moved on it, units ended the day before.</summary>
    public DateOnly On { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The codes of the units it was about, in a line ("P-12 → P-12, P-12A"), for the list of re-cuts.</summary>
    public string Summary { get; set; } = "";
    public DateTime? RevertedAt { get; set; }
    public string? RevertedBy { get; set; }
    public string? RevertReason { get; set; }
}

public enum RecutStepKind
{
    /// <summary>A unit made (Target: the unit).</summary>
    UnitStarted = 1,
    /// <summary>A unit ended (Target: the unit).</summary>
    UnitEnded = 2,
    /// <summary>A unit's place or name changed (Target: the unit; Former: its <see cref="UnitHistory"/> row).</summary>
    UnitChanged = 3,
    /// <summary>An appointment ended at the old unit (Target: the appointment).</summary>
    AppointmentEnded = 4,
    /// <summary>An appointment begun at the new unit in its place (Target: the appointment).</summary>
    AppointmentStarted = 5,
    /// <summary>An appointment that began on or after the day moved whole (Target: it; Former: the unit it was at).</summary>
    AppointmentMoved = 6,
    /// <summary>An enrollment grant moved with its booth (Target: the grant; Former: the unit it covered).</summary>
    GrantMoved = 7,
}

public sealed class RecutStep
{
    public long Id { get; set; }
    public int RecutId { get; set; }
    public RecutStepKind Kind { get; set; }
    public long Target { get; set; }
    public long? Former { get; set; }
}

/// <summary>A member moved from one booth to another by a re-cut, from its day on: what the tree as of a past date reads.</summary>
public sealed class MemberMove
{
    public long Id { get; set; }
    public int RecutId { get; set; }
    public int MemberId { get; set; }
    public int FromBoothId { get; set; }
    public int ToBoothId { get; set; }
    public DateOnly On { get; set; }
}
