using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sangathan.Access;
using Sangathan.Cards;
using Sangathan.Tests.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// The organizer at a meeting with a phone (headless Chromium whose fake camera films a member's card): the card is read
/// and the member shows present; then with no signal a forged card and a revoked one are refused on the phone and never
/// kept, and a second genuine card is kept on the phone and counted exactly once when the signal returns, even when the
/// phone sends it again as if its first answer had been lost.
/// </summary>
public sealed class MeetingScannerBrowserTests : IAsyncLifetime
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
    public async Task TheCameraScansACardAndAScanMadeOfflineSyncsExactlyOnce()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var world = await CardWorld.MakeAsync(app, admin, "Rajsamand", "राजसमंद");
        world.President.BaseAddress = address;
        var first = await world.MemberAsync(nameHi: "कमला देवी", nameEn: "Kamla Devi");
        var second = await world.MemberAsync(nameHi: "रामेश्वर लाल", nameEn: "Rameshwar Lal");
        var card = await (await world.President.GetAsync($"/api/v1/members/{first.Id}/card.png")).Content.ReadAsByteArrayAsync();
        var secondCard = await (await world.President.GetAsync($"/api/v1/members/{second.Id}/card.png")).Content.ReadAsByteArrayAsync();
        var gone = await world.MemberAsync(nameHi: "भंवरी देवी", nameEn: "Bhanwari Devi");
        var goneCard = await (await world.President.GetAsync($"/api/v1/members/{gone.Id}/card.png")).Content.ReadAsByteArrayAsync();
        (await world.President.PostAsJsonAsync($"/api/v1/members/{gone.Id}/card/revoke", new { reason = "Lost" })).EnsureSuccessStatusCode();
        using var forger = CardSamples.Key();
        var forged = CardSamples.Printer().Png(CardSamples.Face(),
            CardCode.Write(await world.StatementAsync(Assert.Single(CardReaders.Qr(secondCard))), forger));
        var meeting = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(10), sms: false, title: "ज़िला कार्यकारिणी बैठक"));
        var president = await app.WithDb(db => db.Appointments.Where(a => a.UnitId == world.Branch.District && a.Until == null)
            .Join(db.Posts.Where(p => p.Key == "president"), a => a.PostId, p => p.Id, (a, _) => a.PersonId).SingleAsync());

        await using var camera = await FakeCamera.ShowingAsync(VerifyPageTests.BackOf(card));
        var page = await camera.NewPageAsync(address);
        await using var context = page.Context;
        await context.AddCookiesAsync([new Cookie { Name = SessionAuthentication.Cookie, Value = await app.OpenPersonSessionAsync(president), Url = address.ToString() }]);
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/language/hi?returnUrl=/meetings/{meeting}/scan");
        await VerifyPageTests.Until(page, "navigator.serviceWorker.controller !== null");
        await VerifyPageTests.Until(page, "caches.match(location.pathname).then(r => !!r)");
        await VerifyPageTests.Until(page, "(JSON.parse(localStorage.getItem('sangathan.cards.trust')) || { list: { revoked: [] } }).list.revoked.length > 0");

        await page.ClickAsync("#scan");
        await Expect(page.Locator("#scans li[data-state=present]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(page.Locator("#scans li[data-state=present]")).ToContainTextAsync("कमला देवी");
        Assert.Equal(1, await PresentAsync(meeting, first.Id));
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-scan-hi-360.png"), FullPage = true });

        // No signal: the page opens from the phone; a forged card and a revoked one are refused there and not kept.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Choose(page, forged);
        await Expect(page.Locator("#refusal[data-verdict=Forged]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("#refusal-text")).ToContainTextAsync("जाली");
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-scan-forged-hi-360.png"), FullPage = true });
        await Choose(page, goneCard);
        await Expect(page.Locator("#refusal[data-verdict=Revoked]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal(1, await page.EvaluateAsync<int>("() => PhoneStore('sangathan-meetings', 'scans', 'key').all().then(all => all.length)"));

        // A genuine card's scan waits on the phone.
        await Choose(page, secondCard);
        await Expect(page.Locator("#scans li[data-state=waiting]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(page.Locator("#refusal")).ToBeHiddenAsync();
        Assert.Equal(0, await PresentAsync(meeting, second.Id));

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Expect(page.Locator("#scans li[data-state=present]")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        Assert.Equal(1, await PresentAsync(meeting, second.Id));

        // As if the answer had been lost on the way: the phone sends the same scan again, with the same key.
        await page.EvaluateAsync("""
            () => { const s = PhoneStore('sangathan-meetings', 'scans', 'key');
                    return s.all().then(all => Promise.all(all.map(r => s.put(Object.assign(r, { state: 'waiting' }))))); }
            """);
        await page.ReloadAsync();
        await Expect(page.Locator("#scans li[data-state=present]")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        Assert.Equal(1, await PresentAsync(meeting, second.Id));
        // The forged and the revoked card never reached the server: two scans in all, both genuine.
        Assert.Equal(2, await app.WithDb(db => db.MeetingScans.CountAsync(s => s.MeetingId == meeting && s.Verdict == "Genuine")));
        Assert.Equal(2, await app.WithDb(db => db.MeetingScans.CountAsync(s => s.MeetingId == meeting)));
        Assert.Equal(0, await PresentAsync(meeting, gone.Id));
        Assert.Equal(2, (await MeetingCalls.CountsAsync(world.President, meeting)).GetProperty("came").GetInt32());

        await page.GotoAsync($"/meetings/{meeting}");
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-hi-360.png"), FullPage = true });
        await page.GotoAsync($"/meetings/{meeting}/edit");
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("ज़िला कार्यकारिणी बैठक");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-edit-hi-360.png"), FullPage = true });
        await page.GotoAsync($"/units/{world.Branch.District}/meetings/report");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-report-hi-360.png"), FullPage = true });
        await page.GotoAsync($"/units/{world.Branch.District}/meetings/new");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-new-hi-360.png"), FullPage = true });
        await page.GotoAsync($"/k/{MeetingCalls.CheckInToken(app, meeting)}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "meeting-check-in-hi-360.png"), FullPage = true });
    }

    static Task Choose(IPage page, byte[] picture) =>
        page.SetInputFilesAsync("#picture", new FilePayload { Name = "card.png", MimeType = "image/png", Buffer = picture });

    Task<int> PresentAsync(int meeting, int member) => app.WithDb(db =>
        db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting && i.Kind == Sangathan.Broadcasts.RecipientKind.Member && i.RecipientId == member && i.ArrivedAt != null));
}
