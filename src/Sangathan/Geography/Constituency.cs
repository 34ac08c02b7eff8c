namespace Sangathan.Geography;

public enum ConstituencyKind { Assembly = 1, Parliamentary = 2 }

/// <summary>Electoral geography beside the party tree: assembly seats sit inside parliamentary ones.</summary>
public sealed class Constituency
{
    public int Id { get; set; }
    public ConstituencyKind Kind { get; set; }
    public int Number { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }

    /// <summary>GEN, SC or ST, as the Election Commission reserves the seat.</summary>
    public string Reservation { get; set; } = "GEN";

    /// <summary>For an assembly constituency, the parliamentary one it lies in.</summary>
    public int? ParentId { get; set; }

    /// <summary>The revenue district, as the official list writes it (a code or a name); ties to party units are kept apart.</summary>
    public string? District { get; set; }
}

/// <summary>Ties a constituency to a party unit whose area it covers (in whole or in part).</summary>
public sealed class ConstituencyUnit
{
    public int ConstituencyId { get; set; }
    public int UnitId { get; set; }
}

public sealed class Representative
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int ConstituencyId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }

    /// <summary>The member's party, as the result lists it ("INC", "BJP", "IND"): a seat's member may be of any party.</summary>
    public string? Party { get; set; }
}
