using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>The broadcast pages on a phone, in Hindi: compose with count and preview, send, approve, and the live page.</summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed partial class BroadcastPagesTests(BroadcastFactory app, Infrastructure.Browser browser) : IClassFixture<BroadcastFactory>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task APresidentComposesPreviewsAndSendsFromThePhoneAndASecondPersonApproves()
    {
        var admin = app.CreateAdminClient();
        var w = await AudienceWorld.BuildAsync(app, admin, "Nagaur", "नागौर");
        var token = await app.OpenPersonSessionAsync(w.DistrictPresident.Id);
        var page = await browser.NewPageAsync(app.Address);
        await page.SetViewportSizeAsync(360, 780);
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = SessionAuthentication.Cookie, Value = token, Url = app.Address.ToString() }]);
        await page.GotoAsync("/language/hi?returnUrl=/broadcasts");
        Assert.Contains("संदेश प्रसारण", await page.TextContentAsync("h1"));

        await page.GotoAsync($"/broadcasts/new?unit={w.Branch.District}");
        await page.FillAsync("#Input_Title", "रविवार की सभा");
        await page.CheckAsync("input[name='Input.Members']");
        await page.FillAsync("#Input_TextHi", "नमस्ते {name}, {unit} में रविवार को सभा है।");
        await page.FillAsync("#Input_TextEn", "Hello {name}, meeting in {unit} on Sunday.");
        await page.FillAsync("#Input_DltTemplateId", "1707161234567890123");
        await page.ClickAsync("form.edit button[formnovalidate]");
        var preview = await page.TextContentAsync("#preview");
        Assert.Contains("6 प्राप्तकर्ता", preview); // by SMS only: WhatsApp is not chosen, and e-mail is all the secretary has
        Assert.Contains("नमस्ते धन्ना राम, नागौर में रविवार को सभा है।", preview);
        Assert.Contains("गोपाल नाथ", preview); // no channel reaches him
        Assert.Matches(SmsParts(), preview!);
        await page.ScreenshotAsync(new() { Path = Shot("broadcast-compose-hi-360.png"), FullPage = true });

        await page.ClickAsync("form.edit button[type=submit]:not([formnovalidate])");
        await page.WaitForURLAsync(new Regex("/broadcasts/[0-9]+$"));
        var id = int.Parse(page.Url.Split('/')[^1]);
        Assert.Contains("स्वीकृति की प्रतीक्षा में", await page.TextContentAsync("#status"));
        Assert.Equal(0, await page.Locator("form[action*='handler=Approve']").CountAsync()); // not by its author

        // The war room approves on its own phone; the author's open page then counts the messages as they go.
        var approver = app.CreateAdminClient();
        var show = await approver.GetStringAsync($"/broadcasts/{id}");
        var approved = await Forms.PostAsync(approver, $"/broadcasts/{id}?handler=Approve", show, []);
        // Over a real socket the client follows the redirect back to the broadcast's page.
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal($"/broadcasts/{id}", approved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(await app.WithDb(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.ApprovedBy).SingleAsync()));
        await page.ReloadAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.TextContentAsync("[data-count='delivered']") is var delivered && delivered != "6")
        {
            Assert.True(DateTime.UtcNow < deadline, $"The page shows {delivered} delivered.");
            await Task.Delay(250);
        }
        Assert.Equal("पूरा", await UntilDoneAsync(page));
        await page.ScreenshotAsync(new() { Path = Shot("broadcast-live-hi-360.png"), FullPage = true });
        Assert.Equal(6, await app.WithDb(db => db.BroadcastMessages.CountAsync(m => m.BroadcastId == id && m.Status == MessageStatus.Delivered)));
    }

    [Fact]
    public async Task APresidentStartsFromASavedTemplateOnThePhoneAndAnEmailsLinkOpensTheOptOutPage()
    {
        var admin = app.CreateAdminClient();
        var w = await AudienceWorld.BuildAsync(app, admin, "Jalore", "जालोर");
        (await admin.PostAsJsonAsync("/api/v1/broadcasts/templates", new
        {
            unitId = w.Branch.District, name = "रविवार की सभा", textHi = "नमस्ते {name}, {unit} में रविवार को सभा है।",
            textEn = "Hello {name}, meeting in {unit} on Sunday.", dltTemplateId = "1707161234567890123",
        })).EnsureSuccessStatusCode();
        var token = await app.OpenPersonSessionAsync(w.DistrictPresident.Id);
        var page = await browser.NewPageAsync(app.Address);
        await page.SetViewportSizeAsync(360, 780);
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = SessionAuthentication.Cookie, Value = token, Url = app.Address.ToString() }]);
        await page.GotoAsync($"/language/hi?returnUrl=/broadcasts/new?unit={w.Branch.Booth}");

        await page.ClickAsync("#templates a");
        Assert.Equal("नमस्ते {name}, {unit} में रविवार को सभा है।", await page.InputValueAsync("#Input_TextHi"));
        Assert.Equal("1707161234567890123", await page.InputValueAsync("#Input_DltTemplateId"));
        await page.ScreenshotAsync(new() { Path = Shot("broadcast-template-hi-360.png"), FullPage = true });

        // The link an e-mail to the district secretary would carry, opened on her phone: it asks before it stops.
        var row = await app.WithDb(async db =>
        {
            var b = new Broadcast { Title = "t", UnitId = w.Branch.District, TextEn = "x", TextHi = "x", CreatedBy = "test", UseEmail = true, Status = BroadcastStatus.Done };
            db.Broadcasts.Add(b);
            await db.SaveChangesAsync();
            var m = new BroadcastMessage { BroadcastId = b.Id, RecipientId = w.DistrictSecretary.Id, RecipientKind = RecipientKind.Person, Channel = Channel.Email,
                Address = w.DistrictSecretary.Email!, Language = "hi", Name = w.DistrictSecretary.NameHi, Status = MessageStatus.Sent };
            db.BroadcastMessages.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var link = app.Services.GetRequiredService<OptOutLinks>().Token(row);
        var phone = await browser.NewPageAsync(app.Address);
        await phone.SetViewportSizeAsync(360, 780);
        await phone.GotoAsync($"/language/hi?returnUrl=/opt-out/{link}");
        await phone.ClickAsync("div.card form button");
        Assert.Contains("हो गया", await phone.TextContentAsync("#done"));
        await phone.ScreenshotAsync(new() { Path = Shot("opt-out-hi-360.png"), FullPage = true });
    }

    /// <summary>Reloads the page until it says the broadcast is done ("पूरा"), for at most 20 s; the status it last showed.</summary>
    static async Task<string> UntilDoneAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await page.ReloadAsync();
            var status = (await page.TextContentAsync("#status"))?.Trim() ?? "";
            if (status == "पूरा" || DateTime.UtcNow > deadline) return status;
            await Task.Delay(250);
        }
    }

    static string Shot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [GeneratedRegex(@"\d+ अक्षर, \d+ SMS \(Unicode\)")]
    private static partial Regex SmsParts();
}
