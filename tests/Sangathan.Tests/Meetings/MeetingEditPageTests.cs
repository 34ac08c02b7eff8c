using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Tests.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// The organizer changes a meeting on its page, as a phone's form posts it: a new place is told to the invitees and the
/// reminder moves, as by the API; a change of the agenda alone tells nobody; bad input is refused in the reader's
/// language and changes nothing; those who may not change the meeting are turned away.
/// </summary>
public sealed class MeetingEditPageTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    [Fact]
    public async Task ANewPlaceSavedOnThePageIsToldToTheInviteesAndAnAgendaAloneIsNot()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Dungarpur", "डूंगरपुर");
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(2), members: false));
        var before = await MeetingCalls.GetAsync(world.President, id);

        var form = await world.President.InHindi().GetStringAsync($"/meetings/{id}/edit");
        Assert.Contains("बैठक बदलें", form);
        var shown = Value(form, "Input.StartsAt");
        var moved = await Forms.PostAsync(world.President, $"/meetings/{id}/edit", form, Fields(shown, place: "Town hall"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/meetings/{id}", moved.Headers.Location!.OriginalString);

        var after = await MeetingCalls.GetAsync(world.President, id);
        Assert.Equal("Town hall", after.GetProperty("place").GetString());
        Assert.Equal(before.GetProperty("startsAt").GetDateTime(), after.GetProperty("startsAt").GetDateTime());
        var broadcasts = await BroadcastsAsync(id);
        Assert.Equal(4, broadcasts.Count); // notice, reminder (now stopped), the change, the reminder again
        Assert.Equal(BroadcastStatus.Cancelled, broadcasts[1].Status);
        Assert.Contains("Town hall", broadcasts[2].TextEn);
        Assert.Equal(broadcasts[1].SendAt, broadcasts[3].SendAt, TimeSpan.FromSeconds(1));

        // The time sent back as the form showed it (to the minute) is the meeting's own: no move, no message.
        form = await world.President.GetStringAsync($"/meetings/{id}/edit");
        var agenda = await Forms.PostAsync(world.President, $"/meetings/{id}/edit", form, Fields(Value(form, "Input.StartsAt"), place: "Town hall", agenda: "1. नए बूथ एजेंट"));
        Assert.Equal(HttpStatusCode.Redirect, agenda.StatusCode);
        Assert.Equal("1. नए बूथ एजेंट", (await MeetingCalls.GetAsync(world.President, id)).GetProperty("agenda").GetString());
        Assert.Equal(4, (await BroadcastsAsync(id)).Count);
    }

    [Fact]
    public async Task BadInputIsRefusedInHindiAndThoseWhoMayNotChangeTheMeetingAreTurnedAway()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Baran", "बारां");
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(1), members: false, sms: false));

        var form = await world.President.InHindi().GetStringAsync($"/meetings/{id}/edit");
        var fields = Fields(Value(form, "Input.StartsAt"), place: "");
        fields["Input.VideoLink"] = "http://not-secure";
        var refused = await Forms.PostAsync(world.President, $"/meetings/{id}/edit", form, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("वीडियो लिंक https:// से शुरू होने वाला वेब पता होता है।", page);
        Assert.Equal("Party office", (await MeetingCalls.GetAsync(world.President, id)).GetProperty("place").GetString());

        // The secretary reads the district's meetings but does not call them; outside the district nothing is there.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Secretary.GetAsync($"/meetings/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.GetAsync($"/meetings/{id}/edit")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await world.President.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel", new { })).StatusCode);
        var cancelled = await world.President.GetAsync($"/meetings/{id}/edit");
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        Assert.Contains("बैठक रद्द", WebUtility.HtmlDecode(await cancelled.Content.ReadAsStringAsync()));
    }

    static Dictionary<string, string> Fields(string startsAt, string place, string agenda = "1. Membership drive") => new()
    {
        ["Input.Title"] = "Booth committee", ["Input.Agenda"] = agenda, ["Input.StartsAt"] = startsAt, ["Input.Minutes"] = "120",
        ["Input.Place"] = place, ["Input.VideoLink"] = "",
    };

    Task<List<Broadcast>> BroadcastsAsync(int meeting) =>
        app.WithDb(db => db.Broadcasts.AsNoTracking().Where(b => b.MeetingId == meeting).OrderBy(b => b.Id).ToListAsync());

    static string Value(string html, string name) => Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
}
