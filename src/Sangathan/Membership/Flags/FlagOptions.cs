namespace Sangathan.Membership;

/// <summary>When an enrollment is put before scrutiny as unusual ("Membership:Flags" in configuration).</summary>
public sealed class FlagOptions
{
    public const string Section = "Membership:Flags";

    /// <summary>More members than this by one enroller within an hour.</summary>
    public int EnrollerPerHour { get; set; } = 120;

    /// <summary>More members than this from one phone within a day (one phone may serve several enrollers).</summary>
    public int DevicePerDay { get; set; } = 300;

    /// <summary>Photos whose perceptual hashes differ in at most this many of 64 bits are taken for the same picture.</summary>
    public int PhotoDistance { get; set; } = 4;

    /// <summary>How many recent photos each new one is compared with, besides the exact matches the index finds.</summary>
    public int RecentPhotos { get; set; } = 20_000;

    public int IntervalSeconds { get; set; } = 5;
}
