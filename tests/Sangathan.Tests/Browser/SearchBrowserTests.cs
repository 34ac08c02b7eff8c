using Microsoft.Playwright;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// Search as the war room uses it on a phone, in Hindi (issue 23): a surname typed in Latin letters finds people held in
/// Devanagari, each shown with their post and unit, and the page says how many of how many it shows.
/// </summary>
public sealed class SearchBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task ASurnameInLatinLettersFindsPeopleWithTheirPostAndUnitInHindi()
    {
        var page = await site.StaffPageAsync(browser, 360);
        await using var context = page.Context;
        await page.GotoAsync("/language/hi?returnUrl=/search");

        await page.Locator("header input[name=q]").FillAsync("meena");
        await page.Locator("header input[name=q]").PressAsync("Enter");

        var people = page.Locator("li.person");
        await Expect(people.First).ToBeVisibleAsync();
        // Shown in Devanagari to a Hindi reader, the Latin form small beside it.
        await Expect(people.First.Locator("strong")).ToContainTextAsync("मीणा");
        await Expect(people.First).ToContainTextAsync("Meena");
        // Who they are: the post and the unit, for telling namesakes apart.
        await Expect(page.Locator("li.person .post").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("में से");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "search-hi-360.png"), FullPage = true });

        // The reverse: the surname typed in Devanagari finds the same people.
        await page.Locator("header input[name=q]").FillAsync("मीणा");
        await page.Locator("header input[name=q]").PressAsync("Enter");
        await Expect(page.Locator("li.person").First.Locator("strong")).ToContainTextAsync("मीणा");
    }
}
