namespace Sangathan.Organization;

/// <summary>A tier of the party tree (state, district, block, mandal, booth by default).</summary>
public sealed class Level
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }

    /// <summary>0 for the top of the tree; a unit's children sit exactly one depth below it.</summary>
    public int Depth { get; set; }

    public List<Post> Posts { get; set; } = [];
}
