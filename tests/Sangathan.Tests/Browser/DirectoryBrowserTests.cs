using Microsoft.Playwright;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>The directory as a worker sees it: a cheap phone 360 px wide, in Hindi, over the small demo.</summary>
public sealed class DirectoryBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    const int PhoneWidth = 360;
    const string DevanagariFont = "/fonts/noto-sans-devanagari-devanagari-400-normal.woff2";

    [Fact]
    public async Task AWorkerTapsFromTheStateDownToABoothInHindi()
    {
        var booth = site.Booth;
        var page = await PhoneAsync();
        await using var context = page.Context;

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByRole(AriaRole.Link, new() { Name = "हिन्दी" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await Expect(Heading(page)).ToHaveTextAsync("राजस्थान");
        await TapChildAsync(page, "जयपुर");
        foreach (var name in booth.PathHi.Skip(2)) await TapChildAsync(page, name);

        await Expect(page.Locator(".crumbs a")).ToHaveTextAsync(["राजस्थान", "जयपुर", .. booth.PathHi.Skip(2).SkipLast(1)]);
        await Expect(Heading(page)).ToHaveTextAsync(booth.PathHi[^1]);
        var main = page.Locator("main");
        Assert.Contains(booth.Bearers, b => b.PostHi == "अध्यक्ष");
        foreach (var bearer in booth.Bearers)
        {
            var entry = page.Locator("li.person").Filter(new() { Has = page.Locator($"a[href='/people/{bearer.PersonId}']") });
            await Expect(entry.Locator("strong")).ToHaveTextAsync(bearer.NameHi);
            await Expect(entry.Locator(".who > .muted")).ToContainTextAsync(bearer.PostHi);
            await Expect(main).Not.ToContainTextAsync(bearer.NameEn);
            if (bearer.Mobile is { } mobile) await Expect(entry.Locator($"a[href='tel:{mobile}']")).ToHaveTextAsync("कॉल करें");
            else await Expect(entry.Locator("a[href^='tel:']")).ToHaveCountAsync(0);
        }
        var calls = await page.GetByRole(AriaRole.Link, new() { Name = "कॉल करें", Exact = true })
            .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(calls.Length >= booth.Bearers.Count(b => b.Mobile is not null));
        Assert.All(calls, href => Assert.Matches(@"^tel:\+91[6-9]\d{9}$", href));

        await AssertFitsThePhoneAsync(page);
        await AssertDevanagariIsInTheAppsFontAsync(page);
    }

    [Fact]
    public async Task HindiPagesFitA360PxPhoneAndAreScreenshotted()
    {
        var page = await PhoneAsync();
        await using var context = page.Context;
        await page.GotoAsync("/language/hi?returnUrl=/");

        (string Name, string Path)[] views =
        [
            ("state", "/"), ("booth", $"/units/{site.Booth.Id}"), ("completeness", "/completeness"), ("vacancies", "/vacancies"),
        ];
        foreach (var (name, path) in views)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
            await AssertFitsThePhoneAsync(page);
            await page.EvaluateAsync(FontsAndImagesLoaded);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-hi-{PhoneWidth}.png"), FullPage = true });
        }
    }

    Task<IPage> PhoneAsync() => site.StaffPageAsync(browser, PhoneWidth);

    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    static async Task TapChildAsync(IPage page, string nameHi)
    {
        var name = page.Locator(".name").GetByText(nameHi, new() { Exact = true });
        await page.Locator("a.unit").Filter(new() { Has = name }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(nameHi);
    }

    static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>(
            "w => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 0.5)" +
            ".map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))", PhoneWidth);
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide; past the edge: {string.Join(", ", wide)}");
    }

    /// <summary>
    /// The system may have a Noto Sans Devanagari of its own, so the check is that the app's web font was fetched
    /// and its Devanagari face is the one loaded, not only that some font of that name can draw the text.
    /// </summary>
    static async Task AssertDevanagariIsInTheAppsFontAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return document.fonts.check('16px \"Noto Sans Devanagari\"', 'राजस्थान'); }"));
        var fetched = await page.EvaluateAsync<string[]>("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)");
        Assert.Contains(DevanagariFont, fetched);
        var loaded = await page.EvaluateAsync<string[]>(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => `${f.family.replaceAll('\"', '')} ${f.weight} ${f.unicodeRange}`)");
        Assert.Contains(loaded, face => face.StartsWith("Noto Sans Devanagari 400 U+900-97F", StringComparison.Ordinal));
    }

    /// <summary>Avatars load lazily; a full-page screenshot should show them, so they are asked for now.</summary>
    const string FontsAndImagesLoaded =
        "() => Promise.all([document.fonts.ready, ...[...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => {}); })])";
}
