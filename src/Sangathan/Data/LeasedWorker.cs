namespace Sangathan.Data;

/// <summary>
/// A background job that runs on one app server at a time, whichever are up (<see cref="Lease"/>): a round, again at
/// once while it says there is more, else after a pause. Every server runs the loop; the others only knock, each pause,
/// and the first to find the lease run out (its holder stopped or died) takes the job over. A stopping server gives
/// the lease up at once.
/// </summary>
public abstract partial class LeasedWorker(string name, IServiceScopeFactory scopes, TimeProvider clock, ILogger log, TimeSpan? term = null)
    : BackgroundService
{
    /// <summary>The lease; its term (30 seconds unless given) should outlast a pause, or servers take turns between rounds.</summary>
    protected Lease Lease { get; } = new(name, scopes, clock, term);

    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round, on a scope of its own, while this server holds the lease; true when there may be more at once.</summary>
    protected abstract Task<bool> RoundAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var more = false;
                try
                {
                    if (await Lease.HoldAsync(stopping))
                    {
                        using var scope = scopes.CreateScope();
                        more = await RoundAsync(scope.ServiceProvider, stopping);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    Failed(log, name, e);
                }
                if (more) continue;
                try
                {
                    await Task.Delay(Interval, Clock, stopping);
                }
                catch (OperationCanceledException) { }
            }
        }
        finally
        {
            await ReleaseQuietlyAsync(Lease);
        }
    }

    /// <summary>Gives a lease up as the server stops, waiting a moment at most: one not given up simply runs out.</summary>
    internal static async Task ReleaseQuietlyAsync(Lease lease)
    {
        using var moment = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await lease.ReleaseAsync(moment.Token);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException or ObjectDisposedException) { }
    }

    [LoggerMessage(LogLevel.Warning, "A round of the background job {Job} failed; trying again shortly")]
    static partial void Failed(ILogger logger, string job, Exception e);
}
