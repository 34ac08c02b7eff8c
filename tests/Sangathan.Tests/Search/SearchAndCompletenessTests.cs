using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Search;

public sealed class SearchAndCompletenessTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task SearchFindsPeopleByNameInEitherScriptAndByMobileHoweverWritten()
    {
        var (_, block, _, _) = await Tree.BranchAsync();
        var digits = "98" + Random.Shared.Next(10_000_000, 99_999_999);
        var surname = "Zqx" + Guid.NewGuid().ToString("N")[..6];
        await Tree.AppointAsync(block, await Tree.PostIdAsync("block", "treasurer"), $"{surname} Bairwa", "ज़्क्ष बैरवा" + surname[3..], digits);

        var byEnglish = await Search(surname.ToLowerInvariant());
        var byHindi = await Search("ज़्क्ष बैरवा");
        var bySpacedMobile = await Search($"{digits[..5]} {digits[5..]}");
        var byPlusMobile = await Search($"+91-{digits}");

        Assert.Contains(byEnglish.GetProperty("people").EnumerateArray(), p => p.GetProperty("nameEn").GetString()!.StartsWith(surname));
        Assert.Contains(byHindi.GetProperty("people").EnumerateArray(), p => p.GetProperty("nameEn").GetString()!.StartsWith(surname));
        Assert.Single(bySpacedMobile.GetProperty("people").EnumerateArray());
        Assert.Single(byPlusMobile.GetProperty("people").EnumerateArray());
    }

    [Fact]
    public async Task SearchFindsUnitsByCodeAndName()
    {
        var code = Tree.NewCode("SRCH");
        var state = await Tree.StateAsync();
        var id = await Tree.UnitAsync(state, code, "Qwertyville", "क्वर्टीपुर");

        Assert.Contains((await Search(code.ToLowerInvariant())).GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetInt32() == id);
        Assert.Contains((await Search("qwerty")).GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetInt32() == id);
        Assert.Contains((await Search("क्वर्टी")).GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task AnOverLongSearchIsABadRequest()
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { q = new string('a', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CompletenessCountsUnitsSeatsAndMissingDetailsPerLevelAndDistrict()
    {
        var (district, _, _, booth) = await Tree.BranchAsync("Barmer", "बाड़मेर");
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "No Mobile Person", "बिना मोबाइल");

        var data = await client.GetFromJsonAsync<JsonElement>($"/api/v1/completeness?unitId={district}");

        var boothLevel = data.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("levelKey").GetString() == "booth");
        Assert.Equal(1, boothLevel.GetProperty("units").GetInt32());
        Assert.Equal(1, boothLevel.GetProperty("unitsWithData").GetInt32());
        Assert.Equal(1, boothLevel.GetProperty("filled").GetInt32());
        Assert.Equal(1, boothLevel.GetProperty("withoutMobile").GetInt32());
        Assert.Equal(1, boothLevel.GetProperty("withoutPhoto").GetInt32());
        Assert.True(boothLevel.GetProperty("seats").GetInt32() > 1);
        var region = Assert.Single(data.GetProperty("regions").EnumerateArray());
        Assert.Equal(district, region.GetProperty("regionId").GetInt32());
    }

    [Fact]
    public async Task CompletenessOfAnUnknownUnitIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/completeness?unitId=987654")).StatusCode);
    }

    Task<JsonElement> Search(string q) => Tree.SearchAsync(q);
}
