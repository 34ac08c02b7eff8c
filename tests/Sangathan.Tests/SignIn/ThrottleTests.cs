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
    public async Task FailuresOlderThanTheLockWindowNoLongerCount()
    {
        using var scope = app.Services.CreateScope();
        var throttle = scope.ServiceProvider.GetRequiredService<SignInThrottle>();
        var key = $"mobile:{Tree.RandomMobile()}";
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 10; i++) db.Add(new SignInFailure { Key = key, At = DateTime.UtcNow.AddHours(-2) });
            await db.SaveChangesAsync();
        });
        Assert.False(await throttle.IsLockedAsync(key, default));

        for (var i = 0; i < 10; i++) await throttle.FailAsync(key, default);
        Assert.True(await throttle.IsLockedAsync(key, default));
    }
}
