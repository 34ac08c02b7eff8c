using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// Builds a test's own part of the tree through the API, as a client would. Only one state can exist per
/// database, so tests share it and each builds its own district below it with fresh codes.
/// </summary>
public sealed class Tree(HttpClient client)
{
    public record Ids(int Id);

    public static string NewCode(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public async Task<int> StateAsync()
    {
        var root = await client.GetAsync("/api/v1/units/root");
        if (root.StatusCode == HttpStatusCode.OK)
            return (await root.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unit").GetProperty("id").GetInt32();
        return await UnitAsync(null, "RJ", "Rajasthan", "राजस्थान");
    }

    public async Task<int> UnitAsync(int? parentId, string code, string nameEn, string nameHi, int? ac = null, int? part = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/units",
            new { parentId, code, nameEn, nameHi, assemblyConstituencyId = ac, partNumber = part });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Ids>())!.Id;
    }

    /// <summary>A fresh district, block, mandal and booth under the state.</summary>
    public async Task<(int District, int Block, int Mandal, int Booth)> BranchAsync(string nameEn = "Jaipur", string nameHi = "जयपुर")
    {
        var state = await StateAsync();
        var district = await UnitAsync(state, NewCode("D"), nameEn, nameHi);
        var block = await UnitAsync(district, NewCode("B"), $"{nameEn} Block", $"{nameHi} ब्लॉक");
        var mandal = await UnitAsync(block, NewCode("M"), $"{nameEn} Mandal", $"{nameHi} मंडल");
        var booth = await UnitAsync(mandal, NewCode("P"), $"{nameEn} Booth", $"{nameHi} बूथ");
        return (district, block, mandal, booth);
    }

    public async Task<int> PostIdAsync(string levelKey, string postKey)
    {
        var levels = await client.GetFromJsonAsync<JsonElement>("/api/v1/levels");
        return levels.EnumerateArray().Single(l => l.GetProperty("key").GetString() == levelKey)
            .GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("key").GetString() == postKey)
            .GetProperty("id").GetInt32();
    }

    public async Task<int> AppointAsync(int unitId, int postId, string nameEn, string nameHi, string? mobile = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/units/{unitId}/appointments",
            new { postId, newPerson = new { nameEn, nameHi, mobile } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Ids>())!.Id;
    }

    public static string RandomMobile() => "+919" + Random.Shared.NextInt64(100_000_000, 999_999_999);

    public async Task<JsonElement> SearchAsync(string q)
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { q });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> UnitJsonAsync(int id) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}");
}
