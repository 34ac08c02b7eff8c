using Microsoft.Playwright;
using Sangathan.Access;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// A third language added as a translators' file and a font (issue 23): an enroller in Gujarat on a 360 px phone
/// enrolls in Gujarati, the tree's names shown in Gujarati letters; the member's name is searched in Latin letters.
/// </summary>
public sealed class GujaratiBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    const int PhoneWidth = 360;
    readonly MembershipFactory app = new();
    Uri address = null!;

    public Task InitializeAsync()
    {
        address = app.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task AnEnrollerEnrollsInGujaratiOnAPhone()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Surat", "सूरत");
        var enroller = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Bhavesh Patel", "भावेश पटेल", Tree.RandomMobile());
        await app.WithDb(async db =>
        {
            db.Grants.Add(new Grant { PersonId = enroller, UnitId = branch.District, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        await context.AddCookiesAsync([new Cookie { Name = SessionAuthentication.Cookie, Value = await app.OpenPersonSessionAsync(enroller), Url = address.ToString() }]);
        await page.GotoAsync($"/language/gu?returnUrl={Uri.EscapeDataString($"/membership/enroll?unit={branch.Booth}")}");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "gu");
        await Expect(page.Locator("h1")).ToHaveTextAsync("સભ્યો બનાવો");
        await Expect(page.Locator("label[for=Input_VoterId]")).ToHaveTextAsync("મતદાર ઓળખપત્ર (EPIC)");
        // The booth, held in Devanagari, is shown in Gujarati letters.
        await Expect(page.Locator("main")).ToContainTextAsync("સૂરત");
        // The page's own Gujarati font, not a system fallback: cheap phones may have none.
        await UntilAsync(page, "document.fonts.check('16px \"Noto Sans Gujarati\"', 'સભ્ય')");
        Assert.Contains(await page.EvaluateAsync<string[]>("Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family)"),
            f => f.Contains("Noto Sans Gujarati"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "enroll-gu-360.png"), FullPage = true });

        await page.FillAsync("#Input_VoterId", "GJB" + Random.Shared.Next(1_000_000, 9_999_999));
        await page.FillAsync("#Input_Name", "ભાવિકા પટેલ");
        await page.FillAsync("#Input_Mobile", Tree.RandomMobile()[3..]);
        await page.FillAsync("#Input_Age", "29");
        await page.ClickAsync("#Input_Gender label >> nth=0");
        await page.ClickAsync("#Input_Category label >> nth=0");
        await page.SetInputFilesAsync("#Photo", new FilePayload { Name = "camera.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.Jpeg(seed: 7) });
        await page.CheckAsync("#Input_Consent");
        await page.ClickAsync("form[data-enroll] button[type=submit]");
        await Expect(page.Locator("#outbox li[data-state=sent]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "enroll-gu-sent-360.png"), FullPage = true });

        // Typed in Gujarati letters only: the Latin form is generated, and a search in Latin letters finds her.
        var member = await app.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Members, m => m.NameHi == "ભાવિકા પટેલ"));
        Assert.Equal("Bhavika Patel", member.NameEn);
        var found = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, "/api/v1/search", new { q = "bhavika" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("Bhavika Patel", found);
    }

    [Fact]
    public async Task SignInReadsInGujarati()
    {
        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        await page.GotoAsync("/language/gu?returnUrl=/sign-in");
        await Expect(page.Locator("h1")).ToHaveTextAsync("સાઇન ઇન");
        await Expect(page.Locator(".langs")).ToContainTextAsync("हिन्दी");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "sign-in-gu-360.png"), FullPage = true });
    }

    static async Task UntilAsync(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await page.EvaluateAsync<bool>(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never true in the page: " + condition);
            await Task.Delay(100);
        }
    }
}
