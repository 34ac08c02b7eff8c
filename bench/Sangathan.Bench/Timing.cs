using System.Diagnostics;

namespace Sangathan.Bench;

/// <summary>
/// Latency percentiles (nearest rank) of one measurement, in milliseconds, and each timed call's time in call order
/// (call number <c>warmup + i</c> took <c>Samples[i]</c>).
/// </summary>
internal sealed record Timing(double P50, double P95, double P99, double Mean, int Warmup, IReadOnlyList<double> Samples)
{
    /// <summary>Runs <paramref name="warmup"/> untimed calls, then <paramref name="count"/> timed ones, one at a time.</summary>
    public static async Task<Timing> MeasureAsync(Func<int, Task> call, int warmup, int count)
    {
        for (var i = 0; i < warmup; i++) await call(i);
        var ms = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(warmup + i);
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var sorted = ms.Order().ToArray();
        return new Timing(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), ms.Average(), warmup, ms);
    }

    /// <summary>The p50 and p95 of the calls whose number is <paramref name="k"/> modulo <paramref name="n"/>.</summary>
    public (double P50, double P95) Of(int k, int n)
    {
        var mine = Samples.Where((_, i) => (Warmup + i) % n == k).Order().ToArray();
        return mine.Length == 0 ? (0, 0) : (Rank(mine, 0.50), Rank(mine, 0.95));
    }

    static double Rank(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
