using System.Net;
using System.Net.Http.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests;

public sealed class HealthTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    record Health(string Status, string Database, string Provider, int PendingMigrations);

    [Fact]
    public async Task HealthIsHealthyOnTheProviderUnderTest()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<Health>();
        Assert.NotNull(health);
        Assert.Equal("healthy", health.Status);
        Assert.Equal(TestDatabase.ProviderUnderTest, health.Provider);
        Assert.Equal(0, health.PendingMigrations);
    }
}
