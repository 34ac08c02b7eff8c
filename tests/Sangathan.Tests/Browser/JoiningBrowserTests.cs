using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sangathan.Geography;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using Sangathan.Tests.Membership.Joining;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// A person joining on a cheap phone, in Hindi: the booth found from the voter slip, the form filled, the code read
/// from the SMS (through Kannel to its fake SMSC), the fee paid on the stand-in gateway's checkout, and back on their
/// own page as a member waiting for scrutiny, after a first try that failed. The webhooks arrive too, twice, the last first.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed partial class JoiningBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    const int PhoneWidth = 360;
    StandInGateway standIn = null!;
    SiteFactory app = null!;
    Uri address = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        standIn = await StandInGateway.StartAsync($"http://127.0.0.1:{port}{JoiningSetup.WebhookPath}", hold: false);
        app = new SiteFactory(standIn.Url, $"http://127.0.0.1:{port}");
        address = app.ServeOnKestrel(port);
        standIn.SendWebhooksThrough(new HttpClient());
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await standIn.DisposeAsync();
    }

    [Fact]
    public async Task APersonJoinsOnAPhoneInHindiAndPaysOnTheGateway()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Tonk", "टोंक");
        var number = Random.Shared.Next(500, 9000);
        var constituency = await app.WithDb(async db =>
        {
            var c = new Constituency { Kind = ConstituencyKind.Assembly, Number = number, NameEn = "Niwai", NameHi = "निवाई" };
            db.Constituencies.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        await tree.UnitAsync(branch.Mandal, Tree.NewCode("P"), "Niwai School", "निवाई विद्यालय", constituency, 117);

        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        await page.GotoAsync("/language/hi?returnUrl=/join");
        await Expect(page.Locator("h1")).ToHaveTextAsync("पार्टी से जुड़ें");
        await page.SelectOptionAsync("#ac", number.ToString());
        await page.FillAsync("#part", "117");
        await page.ClickAsync("form[method=get] button[type=submit]");
        await Expect(page.Locator("form[data-join]")).ToContainTextAsync("निवाई विद्यालय");

        var mobile = Tree.RandomMobile();
        var voterId = "RJB" + Random.Shared.Next(1_000_000, 9_999_999);
        await page.FillAsync("#Input_VoterId", voterId);
        await page.FillAsync("#Input_NameHi", "गीता बैरवा");
        await page.FillAsync("#Input_NameEn", "Geeta Bairwa");
        await page.FillAsync("#Input_Mobile", mobile[3..]);
        await page.SelectOptionAsync("#Input_Category", "sc");
        await page.SelectOptionAsync("#Input_Gender", "Female");
        await page.FillAsync("#Input_Age", "34");
        await page.FillAsync("#Input_Village", "निवाई");
        // A phone camera's photo, large: the page shrinks it before it goes.
        await page.SetInputFilesAsync("#Photo", new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.Jpeg(2000, 1500) });
        await page.CheckAsync("#Input_Consent");
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "join");
        await page.ClickAsync("form[data-join] button[type=submit]");
        await Expect(page).ToHaveURLAsync(OwnPage());
        await Expect(page.Locator("#member-status")).ToContainTextAsync("चरण 1/2");

        var sms = await FakeSmsc.WaitForAsync(mobile);
        var code = Code().Match(sms.Text).Value;
        Assert.Contains(page.Url, sms.Text); // the SMS brings the person back to this very page
        await page.FillAsync("#code", code);
        await page.ClickAsync("form[action*=Verify] button");
        await Expect(page.Locator("#member-status")).ToHaveAttributeAsync("data-status", "AwaitingPayment");
        var own = page.Url;

        // The first try fails on the gateway: back on their page, told so, with a new try.
        await page.ClickAsync("#pay");
        await page.ClickAsync("#to-gateway");
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(standIn.Url)));
        await page.ClickAsync("#fail");
        await Expect(page).ToHaveURLAsync(own);
        await Expect(page.Locator("#member-status")).ToHaveAttributeAsync("data-payment", "Failed");
        await Expect(page.Locator("#pay")).ToHaveTextAsync("फिर से कोशिश करें");
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "payment-failed");

        await page.ClickAsync("#pay");
        await page.ClickAsync("#to-gateway");
        await page.ClickAsync("#pay");
        await Expect(page).ToHaveURLAsync(own);
        await Expect(page.Locator("#member-status")).ToHaveAttributeAsync("data-status", "Pending");
        await Expect(page.Locator("#member-status")).ToContainTextAsync("शुल्क ऑनलाइन चुकाया गया");
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "joined");

        var member = await app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.VoterId == voterId));
        Assert.Equal((MemberSource.Online, MemberStatus.Pending, FeeState.Online), (member.Source, member.Status, member.Fee));
        var photo = await app.WithDb(db => db.Photos.AsNoTracking().Where(p => p.Id == member.PhotoId).Select(p => p.Content.Length).SingleAsync());
        Assert.True(photo < 100_000, $"the photo kept is {photo} bytes");
        Assert.Equal([PaymentState.Failed, PaymentState.Paid], await app.WithDb(db => db.PaymentOrders.Where(o => o.MemberId == member.Id)
            .OrderBy(o => o.Id).Select(o => o.State).ToListAsync()));
        // Its webhooks (each sent twice, the last first) are all taken, each once: the failure, the capture, the order paid.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.WithDb(db => db.PaymentEvents.CountAsync(e => db.PaymentOrders.Any(o => o.MemberId == member.Id && o.OrderId == e.OrderId))) < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "the webhooks never arrived");
            await Task.Delay(100);
        }
        Assert.Equal(MemberStatus.Pending, (await app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id))).Status);
    }

    static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var folder = Environment.GetEnvironmentVariable("SANGATHAN_SCREENSHOTS") is { Length: > 0 } f ? f : Path.Combine(AppContext.BaseDirectory, "screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-hi-{PhoneWidth}.png"), FullPage = true });
    }

    static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"/join/[A-Za-z0-9_-]{12}$")]
    private static partial Regex OwnPage();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();

    /// <summary>The app on Kestrel at a known address (its links and the gateway's callback need it), SMS through Kannel.</summary>
    sealed class SiteFactory(string gateway, string site) : SangathanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            JoiningFactory.Configure(builder, gateway, site);
            builder.UseSetting("Sms:Gateway", "kannel");
            builder.UseSetting("Sms:Kannel:BaseUrl", KannelUnderTest.Url);
            builder.UseSetting("Sms:Kannel:Username", KannelUnderTest.Username);
            builder.UseSetting("Sms:Kannel:Password", KannelUnderTest.Password);
        }
    }
}
