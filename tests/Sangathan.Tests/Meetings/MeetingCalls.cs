using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Broadcasts;
using Sangathan.Meetings;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Meetings;

/// <summary>Calling a meeting and acting on it through the API, as the tests of meetings do.</summary>
public static class MeetingCalls
{
    /// <summary>A meeting of the unit starting <paramref name="startsIn"/> from now (negative: already started), two hours long.</summary>
    public static object Body(int unit, TimeSpan startsIn, bool bearers = true, bool members = true, bool sms = true, string? place = "Party office",
        string? videoLink = null, IEnumerable<string>? mobiles = null, string title = "Booth committee") => new
    {
        unitId = unit, title, agenda = "1. Membership drive\n2. Booth agents", startsAt = DateTimeOffset.UtcNow.Add(startsIn), minutes = 120,
        place, videoLink, officeBearers = bearers, members, sms, mobiles = mobiles?.ToList(),
    };

    /// <summary>
    /// A district whose president calls the meeting (the organizer's client) and a booth president with a mobile of their
    /// own, to read their messages at the fake SMSC: both office bearers under the district, so both invited.
    /// </summary>
    public static async Task<((int District, int Block, int Mandal, int Booth) Branch, HttpClient Organizer, string Mobile)> OrganizerAndInviteeAsync(
        SangathanFactory app, string district, string districtHi, string inviteeEn, string inviteeHi)
    {
        var tree = new Tree(app.CreateAdminClient());
        var branch = await tree.BranchAsync(district, districtHi);
        var president = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), $"President of {district}", $"{districtHi} अध्यक्ष", Tree.RandomMobile());
        var mobile = Tree.RandomMobile();
        await tree.AppointAsync(branch.Booth, await tree.PostIdAsync("booth", "president"), inviteeEn, inviteeHi, mobile);
        return (branch, app.CreatePersonClient(president), mobile);
    }

    public static async Task<int> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/meetings", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static Task<JsonElement> GetAsync(HttpClient client, int id) => client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");

    public static async Task<JsonElement> CountsAsync(HttpClient client, int id) => (await GetAsync(client, id)).GetProperty("counts");

    /// <summary>A card scan as the organizer's phone syncs it.</summary>
    public static Task<HttpResponseMessage> ScanAsync(HttpClient client, int meeting, string code, string? key = null, DateTime? at = null) =>
        client.PostAsJsonAsync($"/api/v1/meetings/{meeting}/scans", new { key = key ?? Guid.NewGuid().ToString("N"), code, scannedAt = at });

    /// <summary>The signed tokens the app hands out, made by the app's own signer.</summary>
    public static MeetingTokens Tokens(SangathanFactory app) => app.Services.GetRequiredService<MeetingTokens>();

    public static string AnswerToken(SangathanFactory app, int meeting, RecipientKind kind, int id) => Tokens(app).Answer(meeting, kind, id);

    public static string CheckInToken(SangathanFactory app, int meeting) => Tokens(app).CheckIn(meeting);

    /// <summary>A client that asks for Hindi (Accept-Language), for the messages the API answers in.</summary>
    public static HttpClient InHindi(this HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("hi");
        return client;
    }

    public static HttpClient InEnglish(this HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }
}
