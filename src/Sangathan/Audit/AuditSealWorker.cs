using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>Keeps the chain sealed a moment behind the log: straight on while a backlog lasts, else a few times a second.</summary>
internal sealed class AuditSealWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditSealWorker> log)
    : LeasedWorker("audit-sealer", scopes, clock, log)
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override TimeSpan Interval => Every;

    protected override async Task<bool> RoundAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<AuditSealer>().SealAsync(ct) == AuditSealer.BatchSize;
}
