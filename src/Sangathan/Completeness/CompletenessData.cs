using Sangathan.Organization;

namespace Sangathan.Completeness;

/// <summary>One level's tally within a region (or the whole scope when RegionId is null).</summary>
public sealed record LevelTally(
    int LevelId, string LevelKey, string LevelEn, string LevelHi, int Depth,
    int Units, int UnitsWithData, int Seats, int Filled, int WithoutPhoto, int WithoutMobile)
{
    public int Vacant => Seats - Filled;
    public int Percent => UnitRules.Percent(Filled, Seats);
    public int UnitsPercent => UnitRules.Percent(UnitsWithData, Units);
}

public sealed record RegionTally(int RegionId, string Code, string NameEn, string NameHi, IReadOnlyList<LevelTally> Levels)
{
    public int Seats => Levels.Sum(l => l.Seats);
    public int Filled => Levels.Sum(l => l.Filled);
    public int Percent => UnitRules.Percent(Filled, Seats);
}

public sealed record CompletenessData(UnitRef Scope, IReadOnlyList<LevelTally> Levels, IReadOnlyList<RegionTally> Regions);
