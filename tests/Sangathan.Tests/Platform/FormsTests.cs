using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Platform;

/// <summary>The war room's forms, posted as a browser posts them (antiforgery token included).</summary>
public sealed partial class FormsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task TheAppointFormFillsASeatAndTheUnitPageShowsThePerson()
    {
        var (_, _, mandal, _) = await Tree.BranchAsync();
        var form = await client.GetStringAsync($"/units/{mandal}/appoint");
        var mobile = Tree.RandomMobile();

        var response = await Post($"/units/{mandal}/appoint", form, new()
        {
            ["Input.PostId"] = (await Tree.PostIdAsync("mandal", "treasurer")).ToString(),
            ["Input.NameEn"] = "Hemant Sain",
            ["Input.NameHi"] = "हेमंत सैन",
            ["Input.Mobile"] = mobile[3..],
            ["Input.Village"] = "Phagi",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/units/{mandal}");
        Assert.Contains("Hemant Sain", page);
        Assert.Contains("Phagi", page);
    }

    [Fact]
    public async Task TheAppointFormRefusesAFutureStartInTheReadersLanguage()
    {
        var (_, _, mandal, _) = await Tree.BranchAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("hi");
        var form = await client.GetStringAsync($"/units/{mandal}/appoint");

        var response = await Post($"/units/{mandal}/appoint", form, new()
        {
            ["Input.PostId"] = (await Tree.PostIdAsync("mandal", "treasurer")).ToString(),
            ["Input.NameEn"] = "Future Man",
            ["Input.NameHi"] = "भविष्य",
            ["Input.From"] = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("नियुक्ति भविष्य की तारीख़ से शुरू नहीं हो सकती।", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await Tree.UnitJsonAsync(mandal)).GetProperty("seatsFilled").GetInt32());
    }

    [Fact]
    public async Task ANulCharacterInAFormAJsonBodyOrAQueryIsRefusedWith400AndNothingIsSaved()
    {
        // PostgreSQL's text cannot hold U+0000: before the door refused it, each of these was a 500 there (a save on SQLite).
        var (_, _, mandal, _) = await Tree.BranchAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("hi");
        var form = await client.GetStringAsync($"/units/{mandal}/appoint");

        var posted = await Post($"/units/{mandal}/appoint", form, new()
        {
            ["Input.PostId"] = (await Tree.PostIdAsync("mandal", "treasurer")).ToString(),
            ["Input.NameEn"] = "Hemant\0Sain",
            ["Input.NameHi"] = "हेमंत सैन",
        });
        var json = await client.PostAsJsonAsync($"/api/v1/units/{mandal}/appointments",
            new { postId = await Tree.PostIdAsync("mandal", "treasurer"), newPerson = new { nameEn = "Hemant\0Sain", nameHi = "हेमंत" } });
        var query = await client.GetAsync("/audit?q=%00");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("अनुरोध समझ में नहीं आया।", await posted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal(0, (await Tree.UnitJsonAsync(mandal)).GetProperty("seatsFilled").GetInt32());
    }

    [Fact]
    public async Task ThePersonPageEndsAnAppointmentAndKeepsItAsHistory()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        var appointment = await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "bla"), "Dinesh Jat", "दिनेश जाट");
        var personId = (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers")[0].GetProperty("personId").GetInt32();
        var page = await client.GetStringAsync($"/people/{personId}");

        var response = await Post($"/people/{personId}?handler=End", page, new() { ["appointmentId"] = appointment.ToString(), ["reason"] = "Stepped down" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, (await Tree.UnitJsonAsync(booth)).GetProperty("seatsFilled").GetInt32());
        var after = await client.GetStringAsync($"/people/{personId}");
        Assert.DoesNotContain("handler=End", after);
        Assert.Contains("Booth Level Agent", after);
    }

    [Fact]
    public async Task EditingAPersonChangesTheirDetailsAndTheUnitsCounters()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "Old Name", "पुराना नाम");
        var personId = (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers")[0].GetProperty("personId").GetInt32();
        var completeness = await client.GetFromJsonAsync<JsonElement>($"/api/v1/completeness?unitId={booth}");
        Assert.Equal(1, completeness.GetProperty("levels")[0].GetProperty("withoutMobile").GetInt32());

        var response = await client.PutAsJsonAsync($"/api/v1/people/{personId}",
            new { nameEn = "New Name", nameHi = "नया नाम", mobile = Tree.RandomMobile(), village = "Sanganer" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        Assert.Equal("New Name", person.GetProperty("nameEn").GetString());
        Assert.Equal("Sanganer", person.GetProperty("village").GetString());
        completeness = await client.GetFromJsonAsync<JsonElement>($"/api/v1/completeness?unitId={booth}");
        Assert.Equal(0, completeness.GetProperty("levels")[0].GetProperty("withoutMobile").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/v1/people/987654", new { nameEn = "X", nameHi = "क" })).StatusCode);
    }

    [Fact]
    public async Task ThePersonEditFormKeepsTheOldValuesWhenAFieldIsWrong()
    {
        var created = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "Steady Person", nameHi = "स्थिर", village = "Dudu" });
        var id = (await created.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
        var form = await client.GetStringAsync($"/people/{id}/edit");
        Assert.Contains("value=\"Dudu\"", form);

        var response = await Post($"/people/{id}/edit", form, new()
        {
            ["Input.NameEn"] = "Changed Person", ["Input.NameHi"] = "बदला", ["Input.Email"] = "broken@", ["Input.Gender"] = "Male",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a valid e-mail address.", await response.Content.ReadAsStringAsync());
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
        Assert.Equal("Steady Person", person.GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task TheVacancyListNarrowsToADistrictAndALevel()
    {
        var (district, _, _, booth) = await Tree.BranchAsync();
        var boothLevel = (await Tree.UnitJsonAsync(booth)).GetProperty("level").GetProperty("id").GetInt32();

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/vacancies?regionId={district}&levelId={boothLevel}");

        var unit = Assert.Single(list.GetProperty("units").EnumerateArray());
        Assert.Equal(booth, unit.GetProperty("unitId").GetInt32());
        Assert.Contains(unit.GetProperty("vacantPosts").EnumerateArray(), p => p.GetProperty("key").GetString() == "president");
        Assert.Contains("Jaipur Booth", await client.GetStringAsync($"/vacancies?region={district}&level={boothLevel}"));
    }

    Task<HttpResponseMessage> Post(string path, string formHtml, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, path, formHtml, fields);

}
