namespace Sangathan.Organization;

public sealed class Unit
{
    public int Id { get; set; }
    public int LevelId { get; set; }
    public Level? Level { get; set; }
    public int? ParentId { get; set; }
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }

    /// <summary>Lower-case English name: lets search use an index for a prefix match on both databases.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>Ids from the root down to this unit, "/1/7/42/": a subtree is one indexed prefix range.</summary>
    public string Path { get; set; } = "/";
    public int Depth { get; set; }

    /// <summary>The ancestor one level below the root (a district by default), for per-district views.</summary>
    public int? RegionId { get; set; }

    public int? AssemblyConstituencyId { get; set; }
    public int? PartNumber { get; set; }

    /// <summary>The first day the unit existed, when a re-cut made it; null for units on record from before.</summary>
    public DateOnly? From { get; set; }

    /// <summary>
    /// The last day the unit existed, once a re-cut ended it (a booth merged into another); null while it stands. An
    /// ended unit keeps its row, as the history of who held posts and met there, but every query of the live tree
    /// leaves it out (a query filter on Units; history reads ask IgnoreQueryFilters).
    /// </summary>
    public DateOnly? Until { get; set; }

    // Counters kept by UnitTally in the same transaction as every change, so that the completeness
    // view and the list of children never count 600,000 appointments at read time.
    public int Seats { get; set; }
    public int SeatsFilled { get; set; }
    public int HoldersWithoutPhoto { get; set; }
    public int HoldersWithoutMobile { get; set; }
    public int SubtreeSeats { get; set; }
    public int SubtreeFilled { get; set; }
}
