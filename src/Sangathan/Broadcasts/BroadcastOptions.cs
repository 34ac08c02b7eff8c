using System.ComponentModel.DataAnnotations;

namespace Sangathan.Broadcasts;

/// <summary>The "Broadcasts" section: approval, the outbox workers, and each channel's pace.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>A broadcast to more people than this needs a second person's approval before it goes.</summary>
    [Range(0, int.MaxValue)]
    public int ApprovalAbove { get; set; } = 5_000;

    /// <summary>Whether this server runs outbox workers (every server may; they share the rows).</summary>
    public bool Workers { get; set; } = true;

    /// <summary>Rows claimed at once by one channel's worker: also the most messages in flight to a gateway from this server.</summary>
    [Range(1, 2_000)]
    public int Batch { get; set; } = 64;

    /// <summary>
    /// Claim loops per channel on this server: while one loop waits for the database (claiming, writing results), the
    /// others' batches are on the wire. Loops times <see cref="Batch"/> is what is in flight to the gateway at once: Kannel's
    /// smsbox reset connections at 400 in the benchmark, and took 200.
    /// </summary>
    [Range(1, 16)]
    public int Loops { get; set; } = 3;

    /// <summary>How long a claim lasts. A worker that dies leaves its rows Sending until then.</summary>
    [Range(1, 3_600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>
    /// After a lease runs out, how long to wait for a delivery report before deciding about the row (see
    /// <see cref="Reconciler"/>): Kannel reports an SMS the operator took within seconds.
    /// </summary>
    [Range(1, 86_400)]
    public int ReportGraceSeconds { get; set; } = 600;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry's wait; each later one doubles it.</summary>
    [Range(1, 3_600)]
    public int RetrySeconds { get; set; } = 30;

    /// <summary>
    /// Messages per second each channel's gateway takes (Kannel's smsc throughput, the SMTP server's, the WhatsApp
    /// number's): shared by the <see cref="WorkerServers"/> (see <see cref="ChannelPace"/>).
    /// </summary>
    [Range(1, 100_000)]
    public int SmsPerSecond { get; set; } = 2_000;
    [Range(1, 100_000)]
    public int EmailPerSecond { get; set; } = 20;
    [Range(1, 100_000)]
    public int WhatsAppPerSecond { get; set; } = 80;

    /// <summary>How many app servers run outbox workers against the same gateways: each sends at its share of their rates.</summary>
    [Range(1, 1_000)]
    public int WorkerServers { get; set; } = 1;

    /// <summary>Keys the opt-out links in e-mails (<see cref="OptOutLinks"/>): set it, the same on every server, in production.</summary>
    public string LinkSecret { get; set; } = "";

    /// <summary>
    /// What the SMS gateway charges for one SMS part, in paise: the compose page shows a broadcast's cost before it is
    /// sent (parts x recipients by SMS x this). Set it to your route's rate; 0 hides the cost.
    /// </summary>
    [Range(0, 100_000)]
    public int SmsPaisePerPart { get; set; } = 15;

    /// <summary>How often an idle worker looks for work.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1_000;
}
