using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>Keeps the member counts current: folds every couple of seconds, and straight on while a backlog lasts.</summary>
internal sealed partial class TallyWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TallyWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var folded = 0;
            try
            {
                using var scope = scopes.CreateScope();
                folded = await TallyFolder.FoldAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
            if (folded > 0) continue;
            try
            {
                await Task.Delay(Interval, clock, stopping);
            }
            catch (OperationCanceledException) { }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Folding member counts failed; trying again shortly")]
    static partial void Failed(ILogger logger, Exception e);
}
