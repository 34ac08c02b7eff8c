using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sangathan.Access;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>An enroller in a village with no signal: the phone keeps the members and sends them when it can.</summary>
public sealed class OfflineEnrollmentTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    readonly MembershipFactory app = new();
    Uri address = null!;

    public Task InitializeAsync()
    {
        address = app.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ThreeMembersEnrolledOfflineBecomeExactlyThreeWhenTheConnectionReturns()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Barmer", "बाड़मेर");
        var enroller = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Mohan Singh", "मोहन सिंह", Tree.RandomMobile());
        await app.WithDb(async db =>
        {
            db.Grants.Add(new Grant { PersonId = enroller, UnitId = branch.District, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await context.AddCookiesAsync([new Cookie { Name = SessionAuthentication.Cookie, Value = await app.OpenPersonSessionAsync(enroller), Url = address.ToString() }]);
        await page.GotoAsync($"/membership/enroll?unit={branch.Booth}");
        // The page is kept on the phone once its worker runs; then the signal goes.
        await UntilAsync(page, "navigator.serviceWorker.controller !== null");
        await UntilAsync(page, "caches.match(location.pathname + location.search).then(r => !!r)");
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.Locator("form[data-enroll]")).ToBeVisibleAsync();

        string[] voterIds = ["RJO" + Random.Shared.Next(1_000_000, 9_999_999), "RJO" + Random.Shared.Next(1_000_000, 9_999_999), "RJO" + Random.Shared.Next(1_000_000, 9_999_999)];
        for (var i = 0; i < voterIds.Length; i++)
        {
            await page.FillAsync("#Input_VoterId", voterIds[i]);
            await page.FillAsync("#Input_Name", $"सदस्य {i + 1}");
            await page.FillAsync("#Input_Mobile", Tree.RandomMobile()[3..]);
            await page.FillAsync("#Input_Age", "30");
            // Choices are buttons a thumb taps: gender, and the category (kept for the booth's next member).
            await page.ClickAsync("#Input_Gender label >> nth=0");
            await page.ClickAsync("#Input_Category label >> nth=0");
            await page.SetInputFilesAsync("#Photo", new FilePayload { Name = "camera.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.Jpeg(seed: i) });
            await page.CheckAsync("#Input_Consent");
            await page.ClickAsync("form[data-enroll] button[type=submit]");
            await Expect(page.Locator("#outbox li[data-state=waiting]")).ToHaveCountAsync(i + 1);
        }
        Assert.Equal(0, await CountAsync(voterIds));

        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#outbox li[data-state=sent]")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        Assert.Equal(3, await CountAsync(voterIds));
        // Coming back again sends nothing twice.
        await page.ReloadAsync();
        await Expect(page.Locator("#outbox li[data-state=sent]")).ToHaveCountAsync(3);
        Assert.Equal(3, await CountAsync(voterIds));
        var photos = await app.WithDb(db => db.Members.Where(m => voterIds.Contains(m.VoterId)).Select(m => m.PhotoId).Distinct().CountAsync());
        Assert.Equal(3, photos);
    }

    /// <summary>
    /// Issue 20: offline, the kept form of one booth stood in for any other enrollment page asked for (the service worker
    /// matched ignoring the query, which names the booth), so members went into the wrong booth. Now a page never opened
    /// here with a connection is said to be missing; the booth that was opened still opens, as itself.
    /// </summary>
    [Fact]
    public async Task OfflineTheKeptFormOfOneBoothNeverStandsInForAnotherPage()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Jaisalmer", "जैसलमेर");
        var enroller = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Sawai Singh", "सवाई सिंह", Tree.RandomMobile());
        await app.WithDb(async db =>
        {
            db.Grants.Add(new Grant { PersonId = enroller, UnitId = branch.District, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(360, 740);
        await context.AddCookiesAsync([
            new Cookie { Name = SessionAuthentication.Cookie, Value = await app.OpenPersonSessionAsync(enroller), Url = address.ToString() },
            new Cookie { Name = ".AspNetCore.Culture", Value = "c=hi|uic=hi", Url = address.ToString() }]);
        await page.GotoAsync($"/membership/enroll?unit={branch.Booth}");
        await UntilAsync(page, "navigator.serviceWorker.controller !== null");
        await UntilAsync(page, "caches.match(location.pathname + location.search).then(r => !!r)");
        await context.SetOfflineAsync(true);

        // The district's page of booths was never opened here: no booth's form answers for it.
        await page.GotoAsync($"/membership/enroll?unit={branch.District}");
        await Expect(page.Locator("#not-kept")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form[data-enroll]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "enroll-offline-not-kept-hi-360.png"), FullPage = true });

        // The booth opened before opens offline, its own form.
        await page.GotoAsync($"/membership/enroll?unit={branch.Booth}");
        await Expect(page.Locator($"form[data-enroll][data-booth='{branch.Booth}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "enroll-form-offline-hi-360.png"), FullPage = true });
    }

    /// <summary>
    /// Polls a condition in the page. Not WaitForFunction: it evaluates its predicate as a string, which the app's
    /// content security policy (no eval) rightly refuses.
    /// </summary>
    static async Task UntilAsync(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await page.EvaluateAsync<bool>(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never true in the page: " + condition);
            await Task.Delay(100);
        }
    }

    Task<int> CountAsync(string[] voterIds) => app.WithDb(db => db.Members.CountAsync(m => voterIds.Contains(m.VoterId)));
}
