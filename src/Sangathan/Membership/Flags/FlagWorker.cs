using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>Runs the flagger every few seconds, and at once again while there is a backlog, on one server at a time.</summary>
internal sealed class FlagWorker(IServiceScopeFactory scopes, MemberFlagger flagger, IOptions<FlagOptions> options,
    TimeProvider clock, ILogger<FlagWorker> log) : LeasedWorker("member-flags", scopes, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.IntervalSeconds);

    protected override async Task<bool> RoundAsync(IServiceProvider services, CancellationToken ct) =>
        await flagger.RunAsync(services.GetRequiredService<AppDb>(), Clock.GetUtcNow().UtcDateTime, ct, Lease) > 0;
}
