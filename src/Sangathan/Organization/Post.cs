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

    /// <summary>
    /// The last day the post existed, once the state administrator retired it; null while in use. A retired post
    /// has no seats and takes no one, but stays as the history of those who held it.
    /// </summary>
    public DateOnly? Until { get; set; }
}
