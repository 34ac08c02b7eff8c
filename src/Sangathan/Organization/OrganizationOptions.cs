namespace Sangathan.Organization;

/// <summary>
/// The party's levels and the posts at each, from configuration ("Organization" section), so that another
/// party's tree fits without code. Written into the database once, when it has no levels yet.
/// </summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";
    public List<LevelOption> Levels { get; set; } = [];

    /// <summary>The key of the polling booth's level, where members belong; levels may lie below it (page committees).</summary>
    public string BoothLevel { get; set; } = "booth";

    /// <summary>How long after an appointment is ended by hand the end may be undone (a mistaken tap, the wrong person).</summary>
    public int UndoEndHours { get; set; } = 24;
}

public sealed class LevelOption
{
    public string Key { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public List<PostOption> Posts { get; set; } = [];
}

public sealed class PostOption
{
    public string Key { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public int Seats { get; set; } = 1;
}
