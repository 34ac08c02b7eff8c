using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Dashboards;

/// <summary>
/// Rewrites today's snapshot every so often on whichever server holds the lease "daily-snapshot" (<see cref="Lease"/>:
/// any number of app servers, one writer). The lease's term is two intervals, so the holder keeps it across its pause
/// and a server that stops hands the job on within two.
/// </summary>
internal sealed class SnapshotWorker(IServiceScopeFactory scopes, IOptions<SnapshotOptions> options, TimeProvider clock,
    ILogger<SnapshotWorker> log) : LeasedWorker(LeaseName, scopes, clock, log, Every(options.Value) * 2)
{
    public const string LeaseName = "daily-snapshot";

    static TimeSpan Every(SnapshotOptions o) => TimeSpan.FromMinutes(Math.Max(1, o.SnapshotEveryMinutes));

    protected override TimeSpan Interval => Every(options.Value);

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        options.Value.Snapshots ? base.ExecuteAsync(stopping) : Task.CompletedTask;

    protected override async Task<bool> RoundAsync(IServiceProvider services, CancellationToken ct)
    {
        await SnapshotWriter.WriteAsync(services.GetRequiredService<AppDb>(), DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), ct);
        return false;
    }
}
