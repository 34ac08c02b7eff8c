using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>Keeps the chain sealed a moment behind the log: straight on while a backlog lasts, else a few times a second.</summary>
internal sealed partial class AuditSealWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditSealWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var sealedNow = 0;
            try
            {
                using var scope = scopes.CreateScope();
                sealedNow = await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
            if (sealedNow == AuditSealer.BatchSize) continue;
            try
            {
                await Task.Delay(Interval, clock, stopping);
            }
            catch (OperationCanceledException) { }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sealing the audit chain failed; trying again shortly")]
    static partial void Failed(ILogger logger, Exception e);
}
