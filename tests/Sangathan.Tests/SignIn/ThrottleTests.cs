using Microsoft.Extensions.DependencyInjection;
using Sangathan.Access;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.SignIn;

public sealed class ThrottleTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task OneAddressAskingForCodesForManyNumbersIsStoppedAtTheLimit()
    {
        const string busy = "203.0.113.9";
        using var scope = app.Services.CreateScope();
        var throttle = scope.ServiceProvider.GetRequiredService<SignInThrottle>();
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 10; i++)
                db.Add(new OtpCode { Mobile = Tree.RandomMobile(), CodeHash = "x", Ip = busy, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddMinutes(5) });
            await db.SaveChangesAsync();
        });

        Assert.False(await throttle.MayAskForCodeAsync(Tree.RandomMobile(), busy, default));
        Assert.True(await throttle.MayAskForCodeAsync(Tree.RandomMobile(), "198.51.100.7", default));
    }

    [Fact]
    public async Task FailuresOlderThanTheWindowNoLongerCountAndOnlyTheFailingAddressIsRefused()
    {
        using var scope = app.Services.CreateScope();
        var throttle = scope.ServiceProvider.GetRequiredService<SignInThrottle>();
        var key = $"mobile:{Tree.RandomMobile()}";
        const string guesser = "203.0.113.10";
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 10; i++) db.Add(new SignInFailure { Key = key, Address = guesser, At = DateTime.UtcNow.AddHours(-2) });
            await db.SaveChangesAsync();
        });
        Assert.False(await throttle.RefusesAsync(key, guesser, default));

        for (var i = 0; i < 5; i++) await throttle.FailAsync(key, guesser, default);
        Assert.True(await throttle.RefusesAsync(key, guesser, default));
        Assert.False(await throttle.RefusesAsync(key, "198.51.100.8", default));
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("not an address", null)]
    [InlineData(null, null)]
    public void AnIPv6ClientIsCountedByItsSlash64(string? ip, string? counted) => Assert.Equal(counted, SignInThrottle.AddressOf(ip));
}
