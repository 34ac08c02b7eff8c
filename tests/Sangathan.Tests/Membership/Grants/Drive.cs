using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>
/// A district of the test's own, with its president and secretary and the presidents of a block, a mandal and a
/// booth under it (and the booth's secretary), all with posts made through the API.
/// </summary>
public sealed record District(int Id, int Block, int Mandal, int Booth, int President, int Secretary, int BlockPresident,
    int MandalPresident, int BoothPresident, int BoothSecretary, string BlockPresidentMobile, string BlockPresidentHi)
{
    public static async Task<District> CreateAsync(SangathanFactory app, HttpClient admin, string nameEn, string nameHi)
    {
        var tree = new Tree(admin);
        var (district, block, mandal, booth) = await tree.BranchAsync(nameEn, nameHi);
        async Task<(int Id, string Mobile)> HolderAsync(int unit, string level, string post, string en, string hi)
        {
            var mobile = Tree.RandomMobile();
            var appointment = await tree.AppointAsync(unit, await tree.PostIdAsync(level, post), en, hi, mobile);
            return (await app.WithDb(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.PersonId).SingleAsync()), mobile);
        }
        var president = await HolderAsync(district, "district", "president", $"Dinesh {nameEn}", $"दिनेश {nameHi}");
        var secretary = await HolderAsync(district, "district", "secretary", $"Sarita {nameEn}", $"सरिता {nameHi}");
        var blockPresident = await HolderAsync(block, "block", "president", $"Bhagwan {nameEn}", $"भगवान {nameHi}");
        var mandalPresident = await HolderAsync(mandal, "mandal", "president", $"Mohan {nameEn}", $"मोहन {nameHi}");
        var boothPresident = await HolderAsync(booth, "booth", "president", $"Bhola {nameEn}", $"भोला {nameHi}");
        var boothSecretary = await HolderAsync(booth, "booth", "secretary", $"Bina {nameEn}", $"बीना {nameHi}");
        return new District(district, block, mandal, booth, president.Id, secretary.Id, blockPresident.Id, mandalPresident.Id,
            boothPresident.Id, boothSecretary.Id, blockPresident.Mobile, $"भगवान {nameHi}");
    }
}

/// <summary>The grants API as a client calls it.</summary>
public static class Drive
{
    public static Task<HttpResponseMessage> TryGrantAsync(HttpClient client, int personId, int unitId,
        DateTimeOffset? expiresAt = null, int? quota = null) =>
        client.PostAsJsonAsync("/api/v1/grants", new { personId, unitId, expiresAt, quota });

    public static async Task<int> GrantAsync(HttpClient client, int personId, int unitId, DateTimeOffset? expiresAt = null, int? quota = null)
    {
        var response = await TryGrantAsync(client, personId, unitId, expiresAt, quota);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
    }

    public static Task<HttpResponseMessage> RevokeAsync(HttpClient client, int grantId, bool? cascade = null, string reason = "No longer in the post") =>
        client.PostAsJsonAsync($"/api/v1/grants/{grantId}/revoke", new { cascade, reason });

    /// <summary>The first message of a 400 about one field, in whatever language the client asked for.</summary>
    public static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error about {field}: {body}");
        return messages[0].GetString()!;
    }

    public static async Task<JsonElement> TreeAsync(HttpClient client, int? unitId = null)
    {
        var response = await client.GetAsync(unitId is null ? "/api/v1/grants" : $"/api/v1/grants?unitId={unitId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grants");
    }

    /// <summary>A grant anywhere in a tree answer, or null.</summary>
    public static JsonElement? Find(JsonElement grants, int id)
    {
        foreach (var g in grants.EnumerateArray())
        {
            if (g.GetProperty("id").GetInt32() == id) return g;
            if (Find(g.GetProperty("children"), id) is { } below) return below;
        }
        return null;
    }

    public static JsonElement Node(JsonElement grants, int id) => Find(grants, id) ?? throw new Xunit.Sdk.XunitException($"grant {id} is not in the tree");

    public static int[] Ids(JsonElement grants) => grants.EnumerateArray().Select(g => g.GetProperty("id").GetInt32()).Order().ToArray();
}
