using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

public sealed class UnitApiTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task AUnitShowsItsBreadcrumbsLevelAndChildren()
    {
        var (district, block, mandal, booth) = await Tree.BranchAsync();

        var page = await Tree.UnitJsonAsync(booth);

        Assert.Equal("booth", page.GetProperty("level").GetProperty("key").GetString());
        var crumbs = page.GetProperty("breadcrumbs").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([await Tree.StateAsync(), district, block, mandal], crumbs);
        var children = (await Tree.UnitJsonAsync(mandal)).GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(booth, Assert.Single(children).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task AnUnknownUnitIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/units/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/v1/units/987654",
            new { parentId = 1, code = "X1", nameEn = "X", nameHi = "X" })).StatusCode);
    }

    [Fact]
    public async Task MovingAUnitUnderItsOwnDescendantIsRefusedAndChangesNothing()
    {
        var (district, block, mandal, _) = await Tree.BranchAsync();
        var before = await Tree.UnitJsonAsync(block);

        var response = await client.PutAsJsonAsync($"/api/v1/units/{block}",
            new { parentId = mandal, code = before.GetProperty("unit").GetProperty("code").GetString(), nameEn = "Moved", nameHi = "हटाया" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("cannot be moved under itself", problem.GetProperty("errors").GetProperty("ParentId")[0].GetString());
        var after = await Tree.UnitJsonAsync(block);
        Assert.Equal(district, after.GetProperty("parentId").GetInt32());
        Assert.Equal("Jaipur Block", after.GetProperty("unit").GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task AnOverLongNameIsRefusedWithAMessageInHindi()
    {
        var state = await Tree.StateAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units")
        {
            Content = JsonContent.Create(new { parentId = state, code = Tree.NewCode("D"), nameEn = new string('a', 151), nameHi = "नाम" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("hi-IN");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("यह बहुत लंबा है: अधिकतम 150 अक्षर।", problem.GetProperty("errors").GetProperty("NameEn")[0].GetString());
    }

    [Fact]
    public async Task ADuplicateCodeOrAMissingParentIsRefused()
    {
        var (district, _, _, _) = await Tree.BranchAsync();
        var code = (await Tree.UnitJsonAsync(district)).GetProperty("unit").GetProperty("code").GetString();

        var duplicate = await client.PostAsJsonAsync("/api/v1/units", new { parentId = district, code, nameEn = "B", nameHi = "ब" });
        var orphan = await client.PostAsJsonAsync("/api/v1/units", new { code = Tree.NewCode("O"), nameEn = "O", nameHi = "ओ" });
        var ghostParent = await client.PostAsJsonAsync("/api/v1/units", new { parentId = 987654, code = Tree.NewCode("G"), nameEn = "G", nameHi = "ग" });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ghostParent.StatusCode);
    }

    [Fact]
    public async Task AMalformedJsonBodyIsABadRequestNotAServerError()
    {
        var response = await client.PostAsync("/api/v1/units", new StringContent("{\"parentId\": \"abc\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MovingABlockCarriesItsSubtreeAndItsSeatCounts()
    {
        var (fromDistrict, block, mandal, booth) = await Tree.BranchAsync("Ajmer", "अजमेर");
        var (toDistrict, _, _, _) = await Tree.BranchAsync("Tonk", "टोंक");
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "Sita Devi", "सीता देवी");
        var fromBefore = (await Tree.UnitJsonAsync(fromDistrict)).GetProperty("subtreeFilled").GetInt32();
        var toBefore = (await Tree.UnitJsonAsync(toDistrict)).GetProperty("subtreeFilled").GetInt32();
        var code = (await Tree.UnitJsonAsync(block)).GetProperty("unit").GetProperty("code").GetString();

        var response = await client.PutAsJsonAsync($"/api/v1/units/{block}", new { parentId = toDistrict, code, nameEn = "Ajmer Block", nameHi = "अजमेर ब्लॉक" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var boothPage = await Tree.UnitJsonAsync(booth);
        Assert.Equal(toDistrict, boothPage.GetProperty("breadcrumbs")[1].GetProperty("id").GetInt32());
        Assert.Equal(fromBefore - 1, (await Tree.UnitJsonAsync(fromDistrict)).GetProperty("subtreeFilled").GetInt32());
        Assert.Equal(toBefore + 1, (await Tree.UnitJsonAsync(toDistrict)).GetProperty("subtreeFilled").GetInt32());
        var vacancies = await client.GetFromJsonAsync<JsonElement>($"/api/v1/vacancies?regionId={toDistrict}");
        Assert.Contains(vacancies.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitId").GetInt32() == mandal);
    }

    [Fact]
    public async Task TheLowestLevelCannotHaveUnitsUnderIt()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        var response = await client.PostAsJsonAsync("/api/v1/units", new { parentId = booth, code = Tree.NewCode("X"), nameEn = "X", nameHi = "क" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
