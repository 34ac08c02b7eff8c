using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Sangathan.Dashboards;
using Sangathan.Demo;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// The war room's dashboards as a phone (360 px) and a desk (1366 px) show them, in Hindi, over the small demo with
/// 20,000 members added by the demo generator: the drive of the state drilled down by taps to a booth, a constituency's
/// drive, booth coverage of the state, a district and a constituency, and completeness of a district with no blocks.
/// Each page is left as a screenshot for a person to look at.
/// </summary>
public sealed class DashboardBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1366)]
    public async Task EachDashboardReadsInHindiAndDrillsDownToABoothInTaps(int width)
    {
        var (state, jaipur, ac, bare) = await site.QueryAsync(async db =>
        {
            if (!await db.Members.AnyAsync())
            {
                await DemoMembers.AddAsync(db, 20_000, NullLogger.Instance, DateOnly.FromDateTime(DateTime.UtcNow), default);
                var root = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
                var jpr = await db.Units.Where(u => u.Code == "RJ-JPR").Select(u => u.Id).SingleAsync();
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                db.Goals.Add(new Goal { Kind = ScopeKind.Unit, ScopeId = root, Members = 60_000, From = today.AddDays(-89), Until = today.AddDays(90), UpdatedAt = DateTime.UtcNow });
                db.Goals.Add(new Goal { Kind = ScopeKind.Unit, ScopeId = jpr, Members = 20_000, From = today.AddDays(-89), Until = today.AddDays(30), UpdatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
                await SnapshotWriter.WriteAsync(db, today, default);
            }
            var stateId = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            var jaipurId = await db.Units.Where(u => u.Code == "RJ-JPR").Select(u => u.Id).SingleAsync();
            var acId = await db.Units.Where(u => u.RegionId == jaipurId && u.AssemblyConstituencyId != null).Select(u => u.AssemblyConstituencyId!.Value).FirstAsync();
            // A district with no blocks on record (the small demo fills only Jaipur and Jodhpur below districts).
            var bareId = await db.Units.Where(u => u.Depth == 1 && !db.Units.Any(c => c.ParentId == u.Id)).OrderBy(u => u.NameEn).Select(u => u.Id).FirstAsync();
            return (stateId, jaipurId, acId, bareId);
        });

        var page = await site.StaffPageAsync(browser, width);
        await using var context = page.Context;
        await page.GotoAsync("/language/hi?returnUrl=/");

        await page.GotoAsync("/drive");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/units/{state}/drive"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("सदस्यता अभियान: राजस्थान");
        await Expect(page.Locator("svg.chart")).ToHaveCountAsync(1);
        await ShotAsync(page, "drive-state", width);

        // Down by taps: the state's districts, then the first unit below at each level, to a booth.
        await page.Locator($"main table a[href='/units/{jaipur}/drive']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("जयपुर");
        await ShotAsync(page, "drive-district", width);
        for (var level = 2; level <= 4; level++)
        {
            await page.Locator("main table a[href$='/drive']").First.ClickAsync();
            await Expect(page.Locator(".crumbs a")).ToHaveCountAsync(level);
        }
        await Expect(page.Locator("main .tag")).ToContainTextAsync("बूथ");
        await ShotAsync(page, "drive-booth", width);

        await page.GotoAsync($"/constituencies/{ac}/drive");
        await Expect(page.Locator("main .tag")).ToContainTextAsync("विधानसभा क्षेत्र");
        await ShotAsync(page, "drive-constituency", width);

        await page.GotoAsync($"/units/{state}/coverage");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("बूथ कवरेज");
        await ShotAsync(page, "coverage-state", width);
        await page.GotoAsync($"/units/{jaipur}/coverage");
        await Expect(page.Locator("main .no-print strong")).ToContainTextAsync("विधानसभा क्षेत्रवार");
        await ShotAsync(page, "coverage-district", width);
        await page.GotoAsync($"/constituencies/{ac}/coverage");
        await ShotAsync(page, "coverage-constituency", width);

        await page.GotoAsync($"/completeness?unit={bare}");
        await Expect(page.Locator("main")).ToContainTextAsync("0%");
        await ShotAsync(page, "completeness-no-blocks", width);
    }

    static async Task ShotAsync(IPage page, string name, int width)
    {
        // Tables scroll inside their card; the page itself never needs a sideways scroll on a phone.
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{name} is wider than {width} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-hi-{width}.png"), FullPage = true });
    }
}
