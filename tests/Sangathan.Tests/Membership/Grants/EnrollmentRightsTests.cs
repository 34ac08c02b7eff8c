using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>Grants made through the API, as the one rule for enrolling (<see cref="EnrollmentRights"/>) then reads them.</summary>
public sealed class EnrollmentRightsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task TheNarrowestGrantWithQuotaLeftCoversAndAFullQuotaCoversNothing()
    {
        var d = await District.CreateAsync(app, admin, "Pali", "पाली");
        var block = await Drive.GrantAsync(admin, d.BlockPresident, d.Block, quota: 2);
        var mandal = await Drive.GrantAsync(admin, d.BlockPresident, d.Mandal);
        var (blockPath, boothPath) = await PathsAsync(d.Block, d.Booth);

        using var scope = app.Services.CreateScope();
        var rights = scope.ServiceProvider.GetRequiredService<EnrollmentRights>();
        var active = await rights.ActiveAsync(d.BlockPresident, default);
        Assert.Equal(mandal, EnrollmentRights.Covering(active, boothPath)!.Id);
        Assert.Equal(block, EnrollmentRights.Covering(active, blockPath)!.Id);

        Assert.True(await rights.SpendAsync(block, default));
        Assert.True(await rights.SpendAsync(block, default));
        Assert.False(await rights.SpendAsync(block, default));
        Assert.Null(EnrollmentRights.Covering(await rights.ActiveAsync(d.BlockPresident, default), blockPath));
        Assert.Equal(2, await app.WithDb(db => db.Grants.Where(g => g.Id == block).Select(g => g.Enrolled).SingleAsync()));
    }

    [Fact]
    public async Task AnExpiredGrantNeitherEnrollsNorGrantsAndASpentQuotaStillGrants()
    {
        var d = await District.CreateAsync(app, admin, "Churu", "चूरू");
        var soon = await Drive.GrantAsync(admin, d.MandalPresident, d.Mandal, DateTimeOffset.UtcNow.AddHours(1));
        using var scope = app.Services.CreateScope();
        var rights = scope.ServiceProvider.GetRequiredService<EnrollmentRights>();
        Assert.Contains(await rights.ActiveAsync(d.MandalPresident, default), g => g.Id == soon);

        // An hour later, as far as the grant knows.
        await app.WithDb(db => db.Grants.Where(g => g.Id == soon)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Empty(await rights.ActiveAsync(d.MandalPresident, default));
        var mandalPresident = app.CreatePersonClient(d.MandalPresident);
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.TryGrantAsync(mandalPresident, d.BoothPresident, d.Booth)).StatusCode);
        Assert.Equal("Expired", Drive.Node(await Drive.TreeAsync(admin, d.Mandal), soon).GetProperty("state").GetString());

        // Granting spends no quota: a holder whose own is used up still authorizes others, each with at most his quota.
        var top = await Drive.GrantAsync(admin, d.President, d.Id, quota: 1);
        Assert.True(await rights.SpendAsync(top, default));
        var below = await Drive.GrantAsync(app.CreatePersonClient(d.President), d.BlockPresident, d.Block);
        var given = await app.WithDb(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == below));
        Assert.Equal((1, 0), (given.Quota, given.Enrolled));
        Assert.Equal(1, await app.WithDb(db => db.Grants.Where(g => g.Id == top).Select(g => g.Enrolled).SingleAsync()));
    }

    Task<(string, string)> PathsAsync(int a, int b) => app.WithDb(async db =>
        (await db.Units.Where(u => u.Id == a).Select(u => u.Path).SingleAsync(), await db.Units.Where(u => u.Id == b).Select(u => u.Path).SingleAsync()));
}
