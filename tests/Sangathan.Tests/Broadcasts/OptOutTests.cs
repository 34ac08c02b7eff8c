using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>The app on the port Kannel's sms-service hands phones' replies to, with opt-out links that lead back to it.</summary>
public sealed class RepliesFactory() : BroadcastFactory(KannelUnderTest.RepliesAppPort)
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Sms:Kannel:DlrSecret", KannelUnderTest.RepliesSecret), ("Membership:PublicUrl", Address.ToString()), ("Broadcasts:ApprovalAbove", "1000"),
    ];
}

/// <summary>
/// Anyone stops broadcasts on one channel: a STOP sent from the phone, through Kannel, stops SMS to that mobile; the link in
/// every e-mail (and its List-Unsubscribe one-click POST) stops e-mail to that address. The others channels go on.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
[Collection(Membership.Enrollment.KannelReplies.Collection)]
public sealed partial class OptOutTests(RepliesFactory app) : IClassFixture<RepliesFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    async Task<JsonElement> CountAsync(int unit) =>
        await (await admin.PostAsJsonAsync("/api/v1/broadcasts/audience", AudienceWorld.Choice(unit, enrollers: false, members: false, sms: true, email: true, whatsApp: false)))
            .Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task AStopSentFromThePhoneThroughKannelStopsSmsToThatMobile()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Jhunjhunu", "झुंझुनूं");
        var before = await CountAsync(w.Branch.District);

        // The phone's reply, as an operator hands it to Kannel: from the president's mobile to the party's short code.
        using (var phone = Process.Start(new ProcessStartInfo(KannelUnderTest.FakeSmscProgram,
            ["-H", "127.0.0.1", "-r", KannelUnderTest.RepliesPort.ToString(), "-m", "1", $"{w.DistrictPresident.Mobile} 56161 text Stop"])
            { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            try
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (!await app.WithDb(db => db.ChannelOptOuts.AnyAsync(o => o.Channel == Channel.Sms && o.Address == w.DistrictPresident.Mobile)))
                {
                    Assert.True(DateTime.UtcNow < deadline, "Kannel did not hand the STOP to the app.");
                    await Task.Delay(200);
                }
            }
            finally
            {
                phone.Kill();
            }
        }

        var after = await CountAsync(w.Branch.District);
        Assert.Equal(before.GetProperty("sms").GetInt32() - 1, after.GetProperty("sms").GetInt32());
        Assert.Contains(after.GetProperty("unreachable").EnumerateArray(), u => u.GetProperty("id").GetInt32() == w.DistrictPresident.Id);
        var stop = await app.WithDb(db => db.ChannelOptOuts.SingleAsync(o => o.Address == w.DistrictPresident.Mobile));
        Assert.Equal(OptOutSource.SmsReply, stop.Source);
    }

    [Fact]
    public async Task OnlyStopFromKannelWithItsSecretStopsAnything()
    {
        var mobile = Tree.RandomMobile();
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/sms/mo/not-the-secret?from={Uri.EscapeDataString(mobile)}&text=STOP")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/sms/mo/{KannelUnderTest.RepliesSecret}?from={mobile.TrimStart('+')}&text=hello")).StatusCode);
        Assert.False(await app.WithDb(db => db.ChannelOptOuts.AnyAsync(o => o.Address == mobile)));
        // As operators write the sender: without the plus; and as phones write it: in small letters, Hindi too.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/sms/mo/{KannelUnderTest.RepliesSecret}?from={mobile.TrimStart('+')}&text=%E0%A4%AC%E0%A4%82%E0%A4%A6")).StatusCode);
        Assert.True(await app.WithDb(db => db.ChannelOptOuts.AnyAsync(o => o.Channel == Channel.Sms && o.Address == mobile)));
    }

    [Theory]
    [InlineData("STOP", true)]
    [InlineData(" stop please ", true)]
    [InlineData("Unsubscribe", true)]
    [InlineData("बंद", true)]
    [InlineData("stopped by the office", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TheWordsThatStopSms(string? text, bool stops) => Assert.Equal(stops, OptOutWords.IsStop(text));

    [Fact]
    public async Task AnEmailsLinkAndItsOneClickPostStopEmailAndTheNextBroadcastComesBySms()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Pali", "पाली");
        var mobile = Tree.RandomMobile();
        await app.WithDb(db => db.People.Where(p => p.Id == w.DistrictSecretary.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Mobile, mobile)));
        var id = await Sending.CreateAsync(admin, Sending.Broadcast(w.Branch.District, members: false, whatsApp: false));
        await Sending.UntilDoneAsync(admin, id);
        var mail = await SmtpUnderTest.WaitForAsync(w.DistrictSecretary.Email!);

        var link = Regex.Match(mail.Headers["List-Unsubscribe"] ?? "", "^<(.+)>$").Groups[1].Value;
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith(app.Address + "opt-out/", link);
        Assert.Contains("ये ई-मेल आगे न पाने के लिए यह खोलें: " + link, mail.TextBody);
        Assert.Contains($"<a href=\"{link}\">", mail.HtmlBody);
        Assert.DoesNotContain(w.DistrictSecretary.Email!, link);

        // A mail scanner fetching the link opts nobody out; the page only asks, in the reader's language.
        var anonymous = app.CreateClient();
        using (var ask = new HttpRequestMessage(HttpMethod.Get, link))
        {
            ask.Headers.AcceptLanguage.ParseAdd("hi");
            var page = WebUtility.HtmlDecode(await (await anonymous.SendAsync(ask)).Content.ReadAsStringAsync());
            Assert.Contains("मुझे ई-मेल से आगे कुछ न भेजें", page);
            Assert.Contains(GetBroadcast.Masked(w.DistrictSecretary.Email!), page);
        }
        var before = await CountAsync(w.Branch.District);
        Assert.False(await app.WithDb(db => db.ChannelOptOuts.AnyAsync(o => o.Address == w.DistrictSecretary.Email)));

        // The mail client's one-click POST: no cookie, no form token, only the body RFC 8058 prescribes.
        var posted = await anonymous.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var stop = await app.WithDb(db => db.ChannelOptOuts.SingleAsync(o => o.Address == w.DistrictSecretary.Email));
        Assert.Equal((Channel.Email, OptOutSource.OneClick), (stop.Channel, stop.Source));

        // She preferred e-mail; now SMS reaches her instead.
        var after = await CountAsync(w.Branch.District);
        Assert.Equal(before.GetProperty("email").GetInt32() - 1, after.GetProperty("email").GetInt32());
        Assert.Equal(before.GetProperty("sms").GetInt32() + 1, after.GetProperty("sms").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link[..^3] + "abc")).StatusCode);
    }

    [Fact]
    public async Task ThePublicPageSaysHowToStopEachChannelInHindi()
    {
        var anonymous = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/opt-out");
        request.Headers.AcceptLanguage.ParseAdd("hi");
        var page = WebUtility.HtmlDecode(await (await anonymous.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("हमारे किसी भी संदेश के जवाब में STOP लिखकर भेजें", page);
        Assert.Contains("हमारे किसी भी ई-मेल के नीचे दिया लिंक खोलें", page);
    }
}
