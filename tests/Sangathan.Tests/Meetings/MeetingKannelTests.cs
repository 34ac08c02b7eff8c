using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sangathan.Tests.Broadcasts;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// A meeting's messages through the real SMS path (the broadcasts' outbox and workers, Kannel, its fake SMSC): the notice
/// carries each invitee's own answer link, which answers for them; the check-in code reaches the attendee's mobile.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed class MeetingKannelTests(BroadcastFactory app) : IClassFixture<BroadcastFactory>
{
    [Fact]
    public async Task TheNoticeReachesAnInviteeByKannelWithALinkThatAnswersForThem()
    {
        var (branch, organizer, mobile) = await MeetingCalls.OrganizerAndInviteeAsync(app, "Sirohi", "सिरोही", "Dhanni Devi", "धन्नी देवी");

        var id = await MeetingCalls.CreateAsync(organizer, MeetingCalls.Body(branch.District, TimeSpan.FromDays(1), members: false));
        var text = await FakeSmsc.WaitForWholeAsync(mobile, TimeSpan.FromSeconds(30));
        Assert.True(text.Contains("धन्नी देवी") || text.Contains("Dhanni Devi"), text);
        Assert.Contains("Booth committee", text);
        var token = Regex.Match(text, @"/r/([A-Za-z0-9_-]+)").Groups[1].Value;

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync($"/api/v1/meetings/answers/{token}", new { answer = "Coming" })).StatusCode);
        var page = await anonymous.GetStringAsync($"/r/{token}");
        Assert.Contains("Dhanni Devi", WebUtility.HtmlDecode(page));
        Assert.Equal(1, (await MeetingCalls.CountsAsync(organizer, id)).GetProperty("coming").GetInt32());
    }

    [Fact]
    public async Task TheCheckInCodeReachesTheAttendeesMobileByKannel()
    {
        var (branch, organizer, mobile) = await MeetingCalls.OrganizerAndInviteeAsync(app, "Pratapgarh", "प्रतापगढ़", "Gopal Das", "गोपाल दास");
        var id = await MeetingCalls.CreateAsync(organizer, MeetingCalls.Body(branch.District, TimeSpan.FromMinutes(-5), members: false, sms: false));
        var token = MeetingCalls.CheckInToken(app, id);
        var client = app.CreateClient();

        (await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}/code", new { mobile })).EnsureSuccessStatusCode();
        var code = Regex.Match((await FakeSmsc.WaitForAsync(mobile, TimeSpan.FromSeconds(30))).Text, @"\d{6}").Value;
        var checkedIn = await client.PostAsJsonAsync($"/api/v1/meetings/check-in/{token}", new { mobile, code });
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        Assert.Equal(1, (await MeetingCalls.CountsAsync(organizer, id)).GetProperty("came").GetInt32());
    }
}
