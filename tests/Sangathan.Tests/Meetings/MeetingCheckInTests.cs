using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sangathan.Tests.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// An attendee checks in with the meeting's own QR and a code sent to their mobile: only while the meeting is on (before
/// and after, the QR is refused with a message in the reader's language), late when late, and once.
/// </summary>
public sealed class MeetingCheckInTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    [Theory]
    [InlineData(2 * 24 * 60, "hi", "इस बैठक की हाज़िरी अभी शुरू नहीं हुई")]
    [InlineData(2 * 24 * 60, "en", "Check-in for this meeting has not opened yet")]
    [InlineData(-3 * 24 * 60, "hi", "यह बैठक समाप्त हो चुकी है")]
    [InlineData(-3 * 24 * 60, "en", "This meeting is over")]
    public async Task TheMeetingsQrOutsideItsWindowIsRefusedWithAClearMessage(int startsInMinutes, string language, string message)
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Dausa", "दौसा");
        var member = await world.MemberAsync();
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(startsInMinutes), sms: false));
        var token = MeetingCalls.CheckInToken(app, id);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}/code", new { mobile = member.Mobile });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(message, Regex.Unescape(await response.Content.ReadAsStringAsync()));
        Assert.Empty(app.Sms.To(member.Mobile));

        var page = await client.GetAsync($"/k/{token}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AnInviteeChecksInWithTheCodeSentToTheirMobileAndIsLateWhenLate()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Karauli", "करौली");
        var member = await world.MemberAsync();
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-20), sms: false));
        var token = MeetingCalls.CheckInToken(app, id);
        var client = app.CreateClient();

        var sent = await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}/code", new { mobile = member.Mobile });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = Regex.Match(Assert.Single(app.Sms.To(member.Mobile)), @"\d{6}").Value;

        var wrong = await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}", new { mobile = member.Mobile, code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var ok = await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}", new { mobile = member.Mobile, code });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CheckedIn", body.GetProperty("state").GetString());
        Assert.True(body.GetProperty("late").GetBoolean());

        // The code is spent: the same code again is refused, and nobody is counted twice.
        var again = await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}", new { mobile = member.Mobile, code });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var counts = await MeetingCalls.CountsAsync(world.President, id);
        Assert.Equal(1, counts.GetProperty("came").GetInt32());
        Assert.Equal(1, counts.GetProperty("late").GetInt32());
    }

    [Fact]
    public async Task AMobileNobodyHasGetsTheSameAnswerAndNoSms()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Dholpur", "धौलपुर");
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(5), sms: false));
        var mobile = Tree.RandomMobile();
        var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/meetings/check-in/{MeetingCalls.CheckInToken(app, id)}/code", new { mobile });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Sms.To(mobile));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().PostAsJsonAsync("/api/v1/meetings/check-in/AAAAAAAAAAAAAAAAAAAAAAAA/code", new { mobile })).StatusCode);
    }
}
