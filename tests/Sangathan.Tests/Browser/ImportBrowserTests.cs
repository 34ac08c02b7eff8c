using Microsoft.Playwright;
using Sangathan.Tests.Import;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>The war room's import as its staff use it, in Hindi: upload, the page following the background check, save.</summary>
public sealed class ImportBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task AFileIsCheckedThenSavedWhileThePageFollowsItInHindi()
    {
        var page = await site.StaffPageAsync(browser, 360);
        await using var context = page.Context;
        // Letters only, so that no block of the demo is a letter or two away from it.
        var block = "Pk" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        // The bad row first, so the report's first page shows it; 60 good ones after it, so the report has two pages.
        var rows = Enumerable.Range(2, 60).Select(n => $"जयपुर,{block},Mandal Ek,{n},अध्यक्ष,सदस्य {n},{Tree.RandomMobile()}");
        var file = ImportClient.Csv($"जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर\nजयपुर,{block},Mandal Ek,1,अध्यक्ष,गलत नंबर,9.829E+09\n"
            + string.Join("\n", rows));

        await page.GotoAsync("/language/hi?returnUrl=/imports");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "booths.csv", MimeType = "text/csv", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "अपलोड करें और जाँचें" }).ClickAsync();

        // The check runs in the background; the page reloads itself until it is done, and nothing is saved yet.
        var state = page.Locator(".card .tag").First;
        await Expect(state).ToHaveTextAsync("जाँच पूरी: अभी कुछ सहेजा नहीं गया", new() { Timeout = 30_000 });
        await Expect(page.Locator("main")).ToContainTextAsync("61 में से 61 पंक्तियाँ");
        await Expect(page.Locator(".error").First).ToContainTextAsync("Excel ने यह मोबाइल नंबर गोल संख्या में बदल दिया");
        await Expect(page.Locator(".pager")).ToContainTextAsync("1 / 2");
        // The new block, its mandal and its booths are listed for a decision, and are made only when chosen.
        await Expect(page.Locator("#new-units")).ToContainTextAsync(block);
        await ScreenshotAsync(page, "import-checked");
        await page.Locator("input[name=makeAll]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "सही पंक्तियाँ सहेजें" }).ClickAsync();
        await Expect(state).ToHaveTextAsync("सहेजा गया", new() { Timeout = 30_000 });
        await Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await Expect(page.Locator(".pager")).ToContainTextAsync("1 / 2");
        await ScreenshotAsync(page, "import-saved");

        // The new block is in the directory, under Jaipur, with its mandal and the valid booths.
        await page.GotoAsync("/");
        await page.Locator("a.unit").Filter(new() { Has = page.GetByText("जयपुर", new() { Exact = true }) }).ClickAsync();
        // Named in Latin letters only, the block is shown to a Hindi reader in the Devanagari the import generated for it.
        await page.Locator("a.unit").Filter(new() { Has = page.GetByText(Sangathan.People.NameScripts.ToDevanagari(block), new() { Exact = true }) }).ClickAsync();
        await page.Locator("a.unit").First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("बूथ 2");
    }

    static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-hi-360.png"), FullPage = true });
}
