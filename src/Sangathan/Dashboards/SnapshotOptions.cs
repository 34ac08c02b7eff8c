namespace Sangathan.Dashboards;

/// <summary>"Dashboards" in configuration: how often today's snapshot of the counts is written again.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "Dashboards";

    /// <summary>Today's row is rewritten this often, so a day's row holds its counts from at most this long before midnight.</summary>
    public int SnapshotEveryMinutes { get; set; } = 60;

    /// <summary>Whether this server takes part (any one server holding the lease writes).</summary>
    public bool Snapshots { get; set; } = true;
}
