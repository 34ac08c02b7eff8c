using Sangathan.Organization;

namespace Sangathan.Dashboards;

/// <summary>A place's members: everyone who joined, verified, turned down, flagged for scrutiny at least once.</summary>
public sealed record MemberFigures(long Joined, long Verified, long Rejected, long Flagged)
{
    public static readonly MemberFigures None = new(0, 0, 0, 0);

    /// <summary>Members who count towards a target: all who joined but those turned down.</summary>
    public long Members => Joined - Rejected;
    public int FlaggedPercent => Share(Flagged, Joined);
    public int VerifiedPercent => Share(Verified, Joined);

    public static int Share(long part, long whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}

/// <summary>A count by one key (a status, a category, a gender), with its names in both languages.</summary>
public sealed record KeyCount(string Key, string NameEn, string NameHi, long Count, long Verified);

/// <summary>A day of the chart: who joined that day; the verified total at its end when a snapshot holds it.</summary>
public sealed record DayFigure(DateOnly Day, long Joined, long? Verified);

/// <summary>
/// The war room's target for a place and the pace it asks for: the target spread evenly over the drive's days, and where
/// the place should stand today on that line.
/// </summary>
public sealed record GoalView(int? Members, DateOnly? From, DateOnly? Until, int VerifiedPerBooth, bool VerifiedPerBoothSetHere)
{
    public bool HasTarget => Members is > 0 && From is { } f && Until is { } u && u >= f;
    public int DriveDays => HasTarget ? Until!.Value.DayNumber - From!.Value.DayNumber + 1 : 0;
    public double DailyPace => HasTarget ? (double)Members!.Value / DriveDays : 0;

    /// <summary>Members the even pace would have reached by the end of <paramref name="today"/>.</summary>
    public long ExpectedBy(DateOnly today)
    {
        if (!HasTarget || today < From!.Value) return 0;
        if (today >= Until!.Value) return Members!.Value;
        return (long)Math.Round(DailyPace * (today.DayNumber - From.Value.DayNumber + 1));
    }
}

/// <summary>A unit (or constituency) below the one shown, with its members and its own target.</summary>
public sealed record BelowRow(ScopeKind Kind, int Id, string NameEn, string NameHi, MemberFigures Figures, int? Target)
{
    /// <summary>Share of the target reached; null when the unit has no target.</summary>
    public int? Percent => Target is > 0 ? MemberFigures.Share(Figures.Members, Target.Value) : null;
    public string Href => Kind == ScopeKind.Unit ? $"/units/{Id}/drive" : $"/constituencies/{Id}/drive";
}

/// <summary>An enroller's members in the place: how many, and what share confirmed their mobile, was verified, was flagged.</summary>
public sealed record EnrollerRow(int PersonId, string NameEn, string NameHi, long Joined, long Confirmed, long Verified, long Flagged)
{
    public int ConfirmedPercent => MemberFigures.Share(Confirmed, Joined);
    public int VerifiedPercent => MemberFigures.Share(Verified, Joined);
    public int FlaggedPercent => MemberFigures.Share(Flagged, Joined);
}

/// <summary>The drive's dashboard of one place, read from tallies only.</summary>
public sealed record DriveData(
    Place Place, DateOnly Today, MemberFigures Figures, GoalView Goal,
    IReadOnlyList<KeyCount> ByStatus, IReadOnlyList<KeyCount> ByCategory, IReadOnlyList<KeyCount> ByGender,
    IReadOnlyList<DayFigure> Days, LevelRef? BelowLevel, IReadOnlyList<BelowRow> Below, IReadOnlyList<BelowRow> Constituencies,
    IReadOnlyList<EnrollerRow> Enrollers, int EnrollerCount)
{
    public long ExpectedToday => Goal.ExpectedBy(Today);
    public int TargetPercent => Goal.HasTarget ? MemberFigures.Share(Figures.Members, Goal.Members!.Value) : 0;
    public long JoinedInDays => Days.Sum(d => d.Joined);
}
