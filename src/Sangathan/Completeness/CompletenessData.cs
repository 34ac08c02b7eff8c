using Sangathan.Organization;

namespace Sangathan.Completeness;

/// <summary>
/// One level's tally within a region (or the whole scope when RegionId is null). Units counts those on record;
/// Expected those that should exist (the war room's statement, or at least one under each unit of the level above
/// when a region has none on record at all), so a district with no blocks on record is 0% for blocks, not left out.
/// A missing unit's seats count as vacant.
/// </summary>
public sealed record LevelTally(
    int LevelId, string LevelKey, string LevelEn, string LevelHi, int Depth,
    int Units, int UnitsWithData, int Seats, int Filled, int WithoutPhoto, int WithoutMobile,
    int Expected = 0, int SeatsPerUnit = 0, bool ExpectedStated = false)
{
    public int Missing => Math.Max(0, Expected - Units);
    public int MissingSeats => Missing * SeatsPerUnit;
    public int Vacant => Seats - Filled;
    public int Percent => UnitRules.Percent(Filled, Seats + MissingSeats);
    public int UnitsPercent => UnitRules.Percent(UnitsWithData, Math.Max(Units, Expected));
}

public sealed record RegionTally(int RegionId, string Code, string NameEn, string NameHi, IReadOnlyList<LevelTally> Levels)
{
    public int Seats => Levels.Sum(l => l.Seats + l.MissingSeats);
    public int Filled => Levels.Sum(l => l.Filled);
    public int Percent => UnitRules.Percent(Filled, Seats);
}

public sealed record CompletenessData(UnitRef Scope, IReadOnlyList<LevelTally> Levels, IReadOnlyList<RegionTally> Regions)
{
    public int Seats => Levels.Sum(l => l.Seats + l.MissingSeats);
    public int Filled => Levels.Sum(l => l.Filled);
    public int Percent => UnitRules.Percent(Filled, Seats);
}
