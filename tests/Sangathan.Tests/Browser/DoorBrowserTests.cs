using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// What issue 19's boundary looks like on a 360 px phone in Hindi: a district president opens a past office bearer of
/// his district (masked, with no dead Call or WhatsApp button) and finds him by search with the same mask; the war
/// room's edit form leaves the masked contacts out.
/// </summary>
public sealed class DoorBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    const int PhoneWidth = 360;

    [Fact]
    public async Task APastOfficeBearerIsMaskedOnHisPageInSearchAndInTheEditForm()
    {
        var (president, past, pastName, pastMobile) = await site.QueryAsync(async db =>
        {
            var jaipur = await db.Units.Where(u => u.Code == "RJ-JPR").Select(u => u.Id).SingleAsync();
            var president = await db.Appointments.Where(a => a.UnitId == jaipur && a.Until == null && db.Posts.Any(p => p.Id == a.PostId && p.Key == "president"))
                .Select(a => a.PersonId).FirstAsync();
            // Someone who served in Jaipur and holds no post now, with a mobile on record: made so if the demo has none.
            var ended = await db.Appointments.Where(a => a.Until == null && db.Units.Any(u => u.Id == a.UnitId && u.RegionId == jaipur && u.Level!.Key == "booth"))
                .Where(a => db.People.Any(p => p.Id == a.PersonId && p.Mobile != null) && !db.Appointments.Any(b => b.PersonId == a.PersonId && b.Id != a.Id))
                .FirstAsync();
            ended.Until = DateOnly.FromDateTime(DateTime.Today);
            await db.SaveChangesAsync();
            var person = await db.People.SingleAsync(p => p.Id == ended.PersonId);
            return (president, person.Id, person.NameHi, person.Mobile!);
        });

        var page = await site.PersonPageAsync(browser, PhoneWidth, president);
        await using var context = page.Context;
        await page.GotoAsync("/language/hi?returnUrl=/");
        await page.GotoAsync($"/people/{past}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(pastName);
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("••••••" + pastMobile[^2..]);
        await Expect(main).Not.ToContainTextAsync(pastMobile[5..]);
        await Expect(page.Locator("a[href^='tel:'], a[href*='wa.me']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "past-bearer-masked-hi-360.png"), FullPage = true });

        await page.Locator("header input[type=search]").FillAsync(pastName);
        await page.Locator("header form.search button").ClickAsync();
        await Expect(page.Locator($"main a[href='/people/{past}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(pastMobile[5..]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "search-masked-hi-360.png"), FullPage = true });

        var staff = await site.StaffPageAsync(browser, PhoneWidth);
        await using var staffContext = staff.Context;
        await staff.GotoAsync("/language/hi?returnUrl=/");
        await staff.GotoAsync($"/people/{past}/edit");
        await Expect(staff.Locator("#Input_Mobile")).ToHaveValueAsync("");
        await Expect(staff.Locator("#Input_Mobile")).ToHaveAttributeAsync("placeholder", new System.Text.RegularExpressions.Regex("••••••" + pastMobile[^2..]));
        await Expect(staff.Locator("main")).ToContainTextAsync("छिपाकर");
        Assert.True(await staff.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PhoneWidth);
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "edit-masked-hi-360.png"), FullPage = true });
    }
}
