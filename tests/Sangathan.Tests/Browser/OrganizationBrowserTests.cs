using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// Issue 22's pages as the state administrator uses them on a 360 px phone in Hindi: the post editor, a booth's re-cut
/// (split through the form, then the list of re-cuts and the mandal as it stood the day before), and the staff page
/// (an account added, its authenticator shown once). Each leaves a screenshot.
/// </summary>
public sealed class OrganizationBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    const int PhoneWidth = 360;

    static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    static async Task FitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PhoneWidth, "the page is wider than the phone");

    [Fact]
    public async Task ThePostEditorAddsAPostInHindi()
    {
        var page = await site.StaffPageAsync(browser, PhoneWidth);
        await using var context = page.Context;
        await page.GotoAsync("/language/hi?returnUrl=/organization/levels");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("स्तर और पद");
        var mandal = page.Locator("div.card").Nth(3);
        await mandal.Locator("summary", new() { HasText = "इस स्तर पर पद जोड़ें" }).ClickAsync();
        var add = mandal.Locator("form[action*='handler=AddPost']");
        await add.Locator("input[name='Post.Key']").FillAsync("spokesperson");
        await add.Locator("input[name='Post.NameEn']").FillAsync("Spokesperson");
        await add.Locator("input[name='Post.NameHi']").FillAsync("प्रवक्ता");
        await add.Locator("input[name='Post.Seats']").FillAsync("2");
        await add.Locator("button").ClickAsync();
        await Expect(page.Locator("p.done")).ToContainTextAsync("प्रवक्ता");
        await page.Locator("div.card").Nth(3).Locator("summary", new() { HasText = "बदलें" }).First.ClickAsync();
        await FitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("post-editor-hi-360.png"), FullPage = true });
    }

    [Fact]
    public async Task ABoothIsSplitFromItsRecutPageAndTheDayBeforeStillShowsOneBooth()
    {
        var (mandal, bearer) = await site.QueryAsync(async db =>
        {
            var booth = await db.Units.Where(u => u.Id == site.Booth.Id).Select(u => u.ParentId).SingleAsync();
            return (booth!.Value, site.Booth.Bearers[^1]);
        });
        var page = await site.StaffPageAsync(browser, PhoneWidth);
        await using var context = page.Context;
        await page.GotoAsync($"/language/hi?returnUrl=/units/{site.Booth.Id}/recut");
        await page.Locator("summary", new() { HasText = "इस बूथ को बाँटें" }).ClickAsync();
        var form = page.Locator("form[action*='handler=Split']");
        await form.Locator("input[name='Input.Reason']").FillAsync("मतदान केंद्र पुनरीक्षण 2025");
        await form.Locator("#Split_Code").FillAsync("RJ-JPR-NEW-1");
        await form.Locator("#Split_PartNumber").FillAsync("301");
        await form.Locator("#Split_NameEn").FillAsync("New School Booth");
        await form.Locator("#Split_NameHi").FillAsync("नया विद्यालय बूथ");
        await form.Locator("label.check", new() { HasText = bearer.NameHi }).Locator("input").CheckAsync();
        await FitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("recut-hi-360.png"), FullPage = true });

        await form.Locator("button", new() { HasText = "बाँटें" }).Last.ClickAsync();
        await Expect(page.Locator("p.done")).ToContainTextAsync("पुनर्गठन क्रमांक");
        await FitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("recuts-hi-360.png"), FullPage = true });

        var yesterday = DateOnly.FromDateTime(DateTime.Now).AddDays(-1).ToString("yyyy-MM-dd");
        await page.GotoAsync($"/units/{mandal}/on?date={yesterday}");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("नया विद्यालय बूथ");
        await page.GotoAsync($"/units/{mandal}");
        await Expect(page.Locator("main")).ToContainTextAsync("नया विद्यालय बूथ");
        await page.GotoAsync($"/units/{mandal}/on?date={yesterday}");
        await page.ScreenshotAsync(new() { Path = Shot("tree-yesterday-hi-360.png"), FullPage = true });
    }

    [Fact]
    public async Task TheStaffPageAddsAnAccountAndShowsItsAuthenticatorOnce()
    {
        var page = await site.StaffPageAsync(browser, PhoneWidth);
        await using var context = page.Context;
        await page.GotoAsync("/language/hi?returnUrl=/staff");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("वॉर रूम के खाते");
        await FitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("staff-hi-360.png"), FullPage = true });

        await page.Locator("#Input_Username").FillAsync("dataentry.kota");
        await page.Locator("#Input_DisplayName").FillAsync("कोटा डेटा एंट्री");
        await page.Locator("#Input_Password").FillAsync("a-long-password-1");
        await page.Locator("form[action*='handler=Add'] input[value='data-entry']").CheckAsync();
        await page.Locator("form[action*='handler=Add'] button").ClickAsync();
        await Expect(page.Locator("p.done")).ToContainTextAsync("dataentry.kota");
        await Expect(page.Locator(".qr svg")).ToHaveCountAsync(1);
        await FitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("staff-added-hi-360.png"), FullPage = true });
    }
}
