using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>Keeps the member counts current: folds every couple of seconds, and straight on while a backlog lasts.</summary>
internal sealed class TallyWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TallyWorker> log)
    : LeasedWorker("member-tallies", scopes, clock, log)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override TimeSpan Interval => Every;

    protected override async Task<bool> RoundAsync(IServiceProvider services, CancellationToken ct) =>
        await TallyFolder.FoldAsync(services.GetRequiredService<AppDb>(), ct) > 0;
}
