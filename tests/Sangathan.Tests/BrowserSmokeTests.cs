using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests;

public sealed class BrowserSmokeTests(SangathanFactory app, Browser browser)
    : IClassFixture<SangathanFactory>, IClassFixture<Browser>
{
    [Fact]
    public async Task ChromiumOpensHealthOnKestrel()
    {
        var page = await browser.NewPageAsync(app.ServeOnKestrel());

        var response = await page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("healthy", await page.Locator("body").InnerTextAsync());
    }
}
