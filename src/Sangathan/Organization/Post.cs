namespace Sangathan.Organization;

/// <summary>An office that exists at every unit of a level, with one or more seats.</summary>
public sealed class Post
{
    public int Id { get; set; }
    public int LevelId { get; set; }
    public required string Key { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }
    public int Seats { get; set; } = 1;

    /// <summary>Display order; the post with the lowest rank heads the unit (its president).</summary>
    public int Rank { get; set; }
}
