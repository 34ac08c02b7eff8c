using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>Runs the flagger every few seconds, and at once again while there is a backlog.</summary>
internal sealed partial class FlagWorker(IServiceScopeFactory scopes, MemberFlagger flagger, IOptions<FlagOptions> options,
    TimeProvider clock, ILogger<FlagWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var looked = 0;
            try
            {
                using var scope = scopes.CreateScope();
                looked = await flagger.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), clock.GetUtcNow().UtcDateTime, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
            if (looked > 0) continue;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock, stopping);
            }
            catch (OperationCanceledException) { }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Looking for unusual enrollments failed; trying again shortly")]
    static partial void Failed(ILogger logger, Exception e);
}
