namespace Sangathan.Import;

public enum ProposalKind { NewUnit = 1, NewPost = 2 }

/// <summary>What the uploader chose for a new unit the file names: nothing yet, make it, or read it as the unit on record it is close to.</summary>
public enum UnitChoice { Undecided = 0, Make = 1, UseNear = 2 }

/// <summary>
/// Something the file names that the tree does not have, for the uploader to decide on in the dry run rather than
/// find row by row: a new unit (made only when they choose to make it; when its name is a letter away from a unit
/// on record, read as that unit unless they choose otherwise), or a post no level has (for the administrator to add
/// in the post editor, then check the file again).
/// </summary>
public sealed class ImportProposal
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public ProposalKind Kind { get; set; }

    /// <summary>The same unit or post in every check of the file: a hash of the names leading to it as written.</summary>
    public required string Key { get; set; }
    public int LevelId { get; set; }

    /// <summary>The name as the file writes it, and where it would go (the parent unit's name).</summary>
    public required string Written { get; set; }
    public string? Under { get; set; }

    /// <summary>For a new unit: the sibling on record whose name is a letter away, if there is one.</summary>
    public int? NearUnitId { get; set; }
    public string? NearName { get; set; }

    public int FirstRow { get; set; }
    public int Rows { get; set; }
    public UnitChoice Choice { get; set; }
}
