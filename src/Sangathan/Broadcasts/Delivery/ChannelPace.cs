namespace Sangathan.Broadcasts;

/// <summary>
/// How fast one channel's messages leave this server: a token bucket holding a twentieth of a second's allowance,
/// refilled at the rate. The configured rate is the gateway's (the throughput Kannel's smsc is contracted for, what
/// the SMTP server accepts, the WhatsApp number's); the servers that run workers share it equally, so together they
/// stay within it. The channel's loops on this server draw from the one bucket.
/// </summary>
/// <remarks>
/// Kept as the time the bucket is next full (the generic cell rate algorithm, the same bucket in another form): each
/// message takes the next slot and sleeps until it, so a hundred waiting senders wake once each, not at every refill.
/// </remarks>
internal sealed class ChannelPace
{
    readonly TimeProvider clock;
    readonly long interval;
    readonly long burst;
    readonly Lock gate = new();
    long next;

    public ChannelPace(int perSecond, TimeProvider clock)
    {
        this.clock = clock;
        interval = Math.Max(1, clock.TimestampFrequency / Math.Max(1, perSecond));
        Burst = Math.Max(1, perSecond / 20);
        burst = (Burst - 1) * interval;
        next = clock.GetTimestamp();
    }

    /// <summary>How many may leave at once after a pause.</summary>
    public int Burst { get; }

    /// <summary>Waits for this message's turn.</summary>
    public async ValueTask WaitAsync(CancellationToken ct)
    {
        long wait;
        lock (gate)
        {
            var now = clock.GetTimestamp();
            next = Math.Max(next, now);
            wait = next - burst - now;
            next += interval;
        }
        // Whole milliseconds, rounded up: timers are no finer, and one rounded down would let the message go early.
        if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait * 1000.0 / clock.TimestampFrequency)), clock, ct);
    }

    public static int GatewayPerSecond(BroadcastOptions o, Channel channel) => channel switch
    {
        Channel.Sms => o.SmsPerSecond,
        Channel.Email => o.EmailPerSecond,
        _ => o.WhatsAppPerSecond,
    };

    /// <summary>This server's share of a gateway's rate: never nothing, or a channel would stop.</summary>
    public static int PerServer(int gatewayPerSecond, int servers) => Math.Max(1, gatewayPerSecond / Math.Max(1, servers));
}
