using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

public sealed class AppointmentApiTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task AnAppointmentFillsASeatUpTheWholeChain()
    {
        var (district, _, mandal, booth) = await Tree.BranchAsync();
        var before = (await Tree.UnitJsonAsync(district)).GetProperty("subtreeFilled").GetInt32();

        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "Mohan Lal Meena", "मोहन लाल मीणा", "98290 12345".Replace("12345", Random.Shared.Next(10000, 99999).ToString()));

        var boothPage = await Tree.UnitJsonAsync(booth);
        var bearer = Assert.Single(boothPage.GetProperty("officeBearers").EnumerateArray());
        Assert.Equal("मोहन लाल मीणा", bearer.GetProperty("nameHi").GetString());
        Assert.StartsWith("+919829", bearer.GetProperty("mobile").GetString());
        Assert.Equal(1, boothPage.GetProperty("seatsFilled").GetInt32());
        Assert.Equal(before + 1, (await Tree.UnitJsonAsync(district)).GetProperty("subtreeFilled").GetInt32());
        var child = Assert.Single((await Tree.UnitJsonAsync(mandal)).GetProperty("children").EnumerateArray());
        Assert.Equal("Mohan Lal Meena", child.GetProperty("presidentEn").GetString());
    }

    [Fact]
    public async Task AMalformedMobileIsRefusedAndNoPersonIsSaved()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        var response = await client.PostAsJsonAsync($"/api/v1/units/{booth}/appointments",
            new { postId = await Tree.PostIdAsync("booth", "president"), newPerson = new { nameEn = "Nobody Here", nameHi = "कोई नहीं", mobile = "12345" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("mobile", problem.GetProperty("errors").GetProperty("Mobile")[0].GetString());
        var search = await Tree.SearchAsync("Nobody Here");
        Assert.Empty(search.GetProperty("people").EnumerateArray());
        Assert.Equal(0, (await Tree.UnitJsonAsync(booth)).GetProperty("seatsFilled").GetInt32());
    }

    [Fact]
    public async Task AFullPostTakesNoMoreAndAPostOfAnotherLevelIsRefused()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        var president = await Tree.PostIdAsync("booth", "president");
        await Tree.AppointAsync(booth, president, "First One", "पहला");

        var second = await client.PostAsJsonAsync($"/api/v1/units/{booth}/appointments",
            new { postId = president, newPerson = new { nameEn = "Second One", nameHi = "दूसरा" } });
        var wrongLevel = await client.PostAsJsonAsync($"/api/v1/units/{booth}/appointments",
            new { postId = await Tree.PostIdAsync("district", "treasurer"), newPerson = new { nameEn = "Third", nameHi = "तीसरा" } });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongLevel.StatusCode);
    }

    [Fact]
    public async Task EndingAnAppointmentKeepsItAsHistoryAndLeavesTheSeatVacant()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        var mobile = Tree.RandomMobile();
        var appointment = await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "secretary"), "Geeta Sharma", "गीता शर्मा", mobile);
        var personId = (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers")[0].GetProperty("personId").GetInt32();

        var ended = await client.PostAsJsonAsync($"/api/v1/appointments/{appointment}/end", new { until = (string?)null, reason = "Stepped down" });
        var again = await client.PostAsJsonAsync($"/api/v1/appointments/{appointment}/end", new { until = (string?)null, reason = "Stepped down" });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Empty((await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray());
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        var post = Assert.Single(person.GetProperty("posts").EnumerateArray());
        Assert.False(post.GetProperty("current").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, post.GetProperty("until").ValueKind);
    }

    [Fact]
    public async Task OnePersonMayHoldSeveralPostsAndIsFoundByMobileNotDuplicated()
    {
        var (district, block, _, _) = await Tree.BranchAsync();
        var mobile = Tree.RandomMobile();
        await Tree.AppointAsync(block, await Tree.PostIdAsync("block", "president"), "Ramesh Kumar", "रमेश कुमार", mobile);
        await Tree.AppointAsync(district, await Tree.PostIdAsync("district", "secretary"), "R. Kumar (typo)", "र. कुमार", mobile);

        var search = await Tree.SearchAsync(mobile);
        var person = Assert.Single(search.GetProperty("people").EnumerateArray());
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person.GetProperty("id").GetInt32()}");
        Assert.Equal(2, page.GetProperty("posts").GetArrayLength());
        Assert.Equal("Ramesh Kumar", page.GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task AnAppointmentAtAnUnknownUnitIsNotFound()
    {
        var response = await client.PostAsJsonAsync("/api/v1/units/987654/appointments",
            new { postId = 1, newPerson = new { nameEn = "X", nameHi = "क" } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
