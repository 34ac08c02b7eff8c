using System.Threading.RateLimiting;

namespace Sangathan.Cards;

/// <summary>
/// Photos are shown only for a genuine card in use, to whoever shows its QR; and at most a few a minute to one address,
/// so that a pile of shared card images cannot be turned into a pile of photos quickly. Per server, in memory.
/// </summary>
public sealed class CardPhotoLimiter : IDisposable
{
    public const int PerMinute = 20;

    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1) }));

    public bool Allows(string? ip)
    {
        using var lease = limiter.AttemptAcquire(ip ?? "");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
