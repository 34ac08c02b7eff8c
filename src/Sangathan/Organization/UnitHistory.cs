namespace Sangathan.Organization;

/// <summary>
/// How a unit stood before a change to where it sits or what it is called (its parent, code, names, part number or
/// constituency), kept so the tree can be shown as it stood on a past date: this state held until <see cref="Until"/>,
/// from the day after the unit's previous row (or from its start). The unit's row holds how it stands now.
/// </summary>
public sealed class UnitHistory
{
    public long Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>The re-cut that changed it; null for an edit of the unit's own form.</summary>
    public int? RecutId { get; set; }
    public int? ParentId { get; set; }
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }
    public int? PartNumber { get; set; }
    public int? AssemblyConstituencyId { get; set; }

    /// <summary>The last day the unit stood so.</summary>
    public DateOnly Until { get; set; }

    public static UnitHistory Of(Unit unit, DateOnly until, int? recutId) => new()
    {
        UnitId = unit.Id, RecutId = recutId, ParentId = unit.ParentId, Code = unit.Code, NameEn = unit.NameEn, NameHi = unit.NameHi,
        PartNumber = unit.PartNumber, AssemblyConstituencyId = unit.AssemblyConstituencyId, Until = until,
    };

    public bool SameAs(Unit unit) => ParentId == unit.ParentId && Code == unit.Code && NameEn == unit.NameEn && NameHi == unit.NameHi
        && PartNumber == unit.PartNumber && AssemblyConstituencyId == unit.AssemblyConstituencyId;
}
