using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sangathan.Data;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Data;

/// <summary>Two servers' workers asking for one job's lease, on the database under test.</summary>
public sealed class LeaseTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    Lease For(string server, string job) =>
        new(job, app.Services.GetRequiredService<IServiceScopeFactory>(), clock, TimeSpan.FromSeconds(30), server);

    [Fact]
    public async Task OneServerHoldsALeaseUntilItRunsOutThenAnotherTakesItOverWithTheMarkItLeft()
    {
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        var (a, b) = (For("server a", job), For("server b", job));

        Assert.True(await a.HoldAsync(default));
        Assert.True(a.JustTaken);
        Assert.False(await b.HoldAsync(default));
        Assert.True(await a.SetMarkAsync(42, default));
        Assert.False(await b.SetMarkAsync(7, default));

        // A holder renews as it goes on: still its own after twice the term.
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.True(await a.HoldAsync(default));
        Assert.False(a.JustTaken);
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.True(await a.HoldAsync(default));
        Assert.False(await b.HoldAsync(default));

        // Server a dies: nobody renews; once the term has run out, b takes the job over where a had got.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await b.HoldAsync(default));
        Assert.True(b.JustTaken);
        Assert.Equal(42, await b.MarkAsync(default));
        Assert.False(await a.HoldAsync(default));
    }

    [Fact]
    public async Task ALeaseGivenUpIsTakenAtOnce()
    {
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        var (a, b) = (For("server a", job), For("server b", job));
        Assert.True(await a.HoldAsync(default));
        Assert.False(await b.HoldAsync(default));

        await a.ReleaseAsync(default);

        Assert.True(await b.HoldAsync(default));
        Assert.False(await a.HoldAsync(default));
    }

    [Fact]
    public async Task WorkOutlastingTheTermKeepsTheLeaseAndIsStoppedWhenAnotherServerTakesIt()
    {
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        var real = TimeProvider.System;
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var a = new Lease(job, scopes, real, TimeSpan.FromSeconds(1.5), "server a");
        var b = new Lease(job, scopes, real, TimeSpan.FromSeconds(1.5), "server b");
        Assert.True(await a.HoldAsync(default));

        // Three terms long: renewed meanwhile, so b never gets it.
        var bGotIt = false;
        await a.RunAsync(async ct =>
        {
            for (var i = 0; i < 9; i++)
            {
                await Task.Delay(500, ct);
                bGotIt |= await b.HoldAsync(default);
            }
        }, default);
        Assert.False(bGotIt);

        // Taken from under it (here by force, as after a stall past its term): the work is told to stop.
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Leases\" SET \"Holder\" = 'server b' WHERE \"Name\" = {0}", job));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.RunAsync(ct => Task.Delay(TimeSpan.FromSeconds(30), ct), default));
    }
}
