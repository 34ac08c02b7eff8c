using Microsoft.Extensions.Time.Testing;
using Sangathan.Broadcasts;

namespace Sangathan.Tests.Broadcasts;

/// <summary>The token bucket a channel's senders wait on, on a clock the test moves by hand: no test waits on real time.</summary>
public sealed class ChannelPaceTests
{
    [Fact]
    public void AHundredASecondLetsABurstOfFiveGoThenOneEveryHundredthOfASecond()
    {
        var clock = new FakeTimeProvider();
        var pace = new ChannelPace(100, clock);
        var waiting = Enumerable.Range(0, 100).Select(_ => pace.WaitAsync(default).AsTask()).ToList();

        Assert.Equal(5, pace.Burst);
        Assert.Equal(5, waiting.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(6, waiting.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(56, waiting.Count(t => t.IsCompleted));
        // A hundred in 0.95 s: the burst, then the rate; not one more before its turn.
        clock.Advance(TimeSpan.FromMilliseconds(430));
        Assert.Equal(99, waiting.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.All(waiting, t => Assert.True(t.IsCompletedSuccessfully));
    }

    [Fact]
    public void AnIdleBucketSavesNoMoreThanItsBurst()
    {
        var clock = new FakeTimeProvider();
        var pace = new ChannelPace(2_000, clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        var waiting = Enumerable.Range(0, 200).Select(_ => pace.WaitAsync(default).AsTask()).ToList();
        Assert.Equal(100, waiting.Count(t => t.IsCompleted));
    }

    [Fact]
    public async Task ACancelledWaitEndsAtOnce()
    {
        var clock = new FakeTimeProvider();
        var pace = new ChannelPace(1, clock);
        await pace.WaitAsync(default);
        using var stop = new CancellationTokenSource();
        var second = pace.WaitAsync(stop.Token).AsTask();
        Assert.False(second.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Theory]
    [InlineData(2_000, 1, 2_000)]
    [InlineData(2_000, 3, 666)]
    [InlineData(20, 40, 1)]
    public void ServersShareTheGatewaysRate(int gateway, int servers, int each) =>
        Assert.Equal(each, ChannelPace.PerServer(gateway, servers));

    [Fact]
    public void EachChannelTakesItsGatewaysRate()
    {
        var o = new BroadcastOptions { SmsPerSecond = 300, EmailPerSecond = 7, WhatsAppPerSecond = 40 };
        Assert.Equal([300, 7, 40], new[] { Channel.Sms, Channel.Email, Channel.WhatsApp }.Select(c => ChannelPace.GatewayPerSecond(o, c)));
    }
}
