namespace Sangathan.Dashboards;

/// <summary>
/// Booths of a part of the tree: on record, expected (stated by the war room or the official list; never fewer than on
/// record), with every seat of the committee filled, with at least one office bearer, with the verified members the
/// goal asks for. Shares are of the expected booths: a booth not on record is a booth not covered.
/// </summary>
public sealed record CoverageRow(ScopeKind Kind, int Id, string NameEn, string NameHi, int Booths, int Expected,
    int Full, int WithBearer, int Covered, long Verified)
{
    public int Of => Math.Max(Booths, Expected);
    public int Missing => Of - Booths;
    public int FullPercent => Organization.UnitRules.Percent(Full, Of);
    public int WithBearerPercent => Organization.UnitRules.Percent(WithBearer, Of);
    public int CoveredPercent => Organization.UnitRules.Percent(Covered, Of);
    public string? Href => Kind == ScopeKind.Unit ? $"/units/{Id}/coverage" : $"/constituencies/{Id}/coverage";
}

/// <summary>How the rows of a coverage page are cut: by the units below, by assembly constituency, or booth by booth.</summary>
public enum CoverageCut { Units = 1, Constituencies = 2, Booths = 3 }

public sealed record CoverageData(Place Place, int VerifiedPerBooth, CoverageRow Total, CoverageCut Cut,
    IReadOnlyList<CoverageCut> Cuts, IReadOnlyList<CoverageRow> Rows, int BoothLevelId, string BoothLevelEn, string BoothLevelHi);
