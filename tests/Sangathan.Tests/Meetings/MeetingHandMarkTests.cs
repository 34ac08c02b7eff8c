using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Tests.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// Issue 21: at a meeting where the scanner fails, the organizer ticks several people in the attendance list, gives one
/// reason and marks them together with one POST; the page comes back at the same place of the list and with its filter.
/// </summary>
public sealed class MeetingHandMarkTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    [Fact]
    public async Task SeveralTickedPeopleAreMarkedTogetherWithOneReasonAndThePageKeepsItsPlace()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Karauli", "करौली");
        var a = await world.MemberAsync(nameEn: "Asha Devi");
        var b = await world.MemberAsync(nameEn: "Bhola Ram");
        var c = await world.MemberAsync(nameEn: "Chandu Lal");
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-20), sms: false));
        var organizer = world.President.InEnglish();

        var page = await organizer.GetStringAsync($"/meetings/{id}?show=waiting");
        Assert.Contains($"name=\"pick\" value=\"member:{a.Id}\"", page);
        Assert.Contains($"name=\"pick\" value=\"member:{b.Id}\"", page);

        var marked = await PostMarkAsync(organizer, $"/meetings/{id}?handler=Mark&show=waiting", page,
            [$"member:{a.Id}", $"member:{b.Id}"], "Scanner battery dead");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal($"/meetings/{id}?show=waiting#attendance", marked.Headers.Location!.OriginalString);

        var present = await organizer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/attendees?present=true");
        var rows = present.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Scanner battery dead", r.GetProperty("reason").GetString()));
        Assert.All(rows, r => Assert.Equal("Manual", r.GetProperty("how").GetString()));
        Assert.Equal(2, (await MeetingCalls.CountsAsync(organizer, id)).GetProperty("came").GetInt32());

        // The filter "not marked yet" now lists c, not a or b.
        var after = await organizer.GetStringAsync($"/meetings/{id}?show=waiting");
        Assert.Contains($"value=\"member:{c.Id}\"", after);
        Assert.DoesNotContain($"value=\"member:{a.Id}\"", after);
        Assert.DoesNotContain("Asha Devi", after);

        // The place in a long list is kept: the cursor of the page comes back in the redirect.
        var placed = await PostMarkAsync(organizer, $"/meetings/{id}?handler=Mark&after=1&show=waiting", after, [$"member:{c.Id}"], "No phone");
        Assert.Equal($"/meetings/{id}?after=1&show=waiting#attendance", placed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NothingTickedOrSomeoneNotInvitedMarksNobody()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Dholpur", "धौलपुर");
        var a = await world.MemberAsync();
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-20), sms: false));
        var organizer = world.President.InHindi();
        var page = await organizer.GetStringAsync($"/meetings/{id}");

        var none = await PostMarkAsync(organizer, $"/meetings/{id}?handler=Mark", page, [], "बिजली नहीं थी");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("कम से कम एक", await none.Content.ReadAsStringAsync());

        // One of the two is on no list of this meeting: neither is marked (all or none).
        var mixed = await PostMarkAsync(organizer, $"/meetings/{id}?handler=Mark", page, [$"member:{a.Id}", $"person:{world.OutsiderId}"], "बिजली नहीं थी");
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var noReason = await PostMarkAsync(organizer, $"/meetings/{id}?handler=Mark", page, [$"member:{a.Id}"], " ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(0, (await MeetingCalls.CountsAsync(organizer, id)).GetProperty("came").GetInt32());
    }

    static Task<HttpResponseMessage> PostMarkAsync(HttpClient client, string path, string html, IEnumerable<string> picks, string reason)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Forms.Token(html)), new("reason", reason) };
        fields.AddRange(picks.Select(p => new KeyValuePair<string, string>("pick", p)));
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
