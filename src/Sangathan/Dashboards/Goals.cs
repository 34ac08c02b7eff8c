namespace Sangathan.Dashboards;

/// <summary>What a dashboard is about: a unit of the tree, or an assembly constituency (its booths, across the tree).</summary>
public enum ScopeKind { Unit = 1, Constituency = 2 }

/// <summary>
/// What the war room aims at in a unit or constituency: so many members between two days (the drive's daily pace is
/// the target spread over them), and how many verified members make a booth count as covered.
/// </summary>
public sealed class Goal
{
    public ScopeKind Kind { get; set; }
    public int ScopeId { get; set; }
    public int? Members { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }
    /// <summary>Empty: the nearest unit above that sets it decides, else <see cref="GoalRules.DefaultVerifiedPerBooth"/>.</summary>
    public int? VerifiedPerBooth { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// How many units of a level should exist under a unit, or in a constituency, as the war room states it or an official
/// list gives it. Completeness counts the ones not on record as missing: a district with no blocks on record is 0% done
/// at block level, not counted only by the units it has.
/// </summary>
public sealed class ExpectedUnits
{
    public ScopeKind Kind { get; set; }
    public int ScopeId { get; set; }
    public int LevelId { get; set; }
    public int Count { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The counts of a unit or constituency at the end of a day, written once a day by <see cref="SnapshotWorker"/>, so a
/// chart can show the last 30 or 90 days of figures that the tallies only hold for today.
/// </summary>
public sealed class DailySnapshot
{
    public ScopeKind Kind { get; set; }
    public int ScopeId { get; set; }
    public DateOnly Day { get; set; }
    public long Joined { get; set; }
    public long Verified { get; set; }
    public long Flagged { get; set; }
    public int Seats { get; set; }
    public int SeatsFilled { get; set; }
    public int Booths { get; set; }
    public int BoothsFull { get; set; }
    public int BoothsWithBearer { get; set; }
    public int BoothsCovered { get; set; }
}
