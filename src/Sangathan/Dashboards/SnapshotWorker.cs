using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Dashboards;

/// <summary>
/// Rewrites today's snapshot every so often on whichever server holds the lease "daily-snapshot" (a row in the
/// database: any number of app servers, one writer). The lease outlasts one interval, so a server that stops hands
/// the job on within two.
/// </summary>
internal sealed partial class SnapshotWorker(IServiceScopeFactory scopes, IOptions<SnapshotOptions> options, TimeProvider clock,
    ILogger<SnapshotWorker> log) : BackgroundService
{
    public const string LeaseName = "daily-snapshot";

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.Snapshots) return;
        var every = TimeSpan.FromMinutes(Math.Max(1, options.Value.SnapshotEveryMinutes));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var now = clock.GetUtcNow().UtcDateTime;
                if (await Leases.TryTakeAsync(db, LeaseName, Leases.ThisServer, every * 2, now, stopping))
                    await SnapshotWriter.WriteAsync(db, DateOnly.FromDateTime(now), stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
            try
            {
                await Task.Delay(every, clock, stopping);
            }
            catch (OperationCanceledException) { }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Writing the daily snapshot of the counts failed; trying again at the next interval")]
    static partial void Failed(ILogger logger, Exception e);
}
