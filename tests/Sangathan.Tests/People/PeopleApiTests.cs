using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.People;

public sealed class PeopleApiTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();

    [Fact]
    public async Task APersonIsSavedWithEveryDetailAndTheMobileInE164()
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new
        {
            nameEn = "  Kavita   Choudhary ", nameHi = "कविता चौधरी", mobile = "+91-94140-" + Random.Shared.Next(10000, 99999),
            email = "kavita@example.org", village = "Bagru", jurisdiction = "Bagru block", facebook = "https://facebook.com/kavita",
            x = "@kavita", instagram = "kavita.c", youTube = "https://youtube.com/@kavita", whatsApp = "9414000000",
            gender = "Female", dateOfBirth = "1980-05-17",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;

        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
        Assert.Equal("Kavita Choudhary", person.GetProperty("nameEn").GetString());
        // No post, so not an office bearer: even the war room sees the mobile masked until it gives a reason.
        Assert.Matches(@"^\+9194•+\d\d$", person.GetProperty("mobile").GetString());
        var shown = await client.PostAsJsonAsync($"/api/v1/people/{id}/reveal", new { reason = "Verifying before appointment" });
        Assert.Matches(@"^\+9194140\d{5}$", (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mobile").GetString());
        var log = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=reveal&entityId={id}");
        Assert.Equal("Verifying before appointment", log.GetProperty("rows")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/people/{id}/reveal", new { reason = "" })).StatusCode);
        Assert.Equal("Female", person.GetProperty("gender").GetString());
        Assert.Equal("1980-05-17", person.GetProperty("dateOfBirth").GetString());
        Assert.Equal("@kavita", person.GetProperty("x").GetString());
    }

    [Theory]
    [InlineData("mobile", "55555")]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "ramesh@gmail")]
    public async Task BadDetailsAreRefusedFieldByField(string field, string value)
    {
        var body = new Dictionary<string, object?> { ["nameEn"] = "Valid Name", ["nameHi"] = "सही नाम", [field] = value };
        var response = await client.PostAsJsonAsync("/api/v1/people", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(char.ToUpperInvariant(field[0]) + field[1..], out _));
    }

    /// <summary>A name in one script is enough (the other is generated); a person with no name at all is refused.</summary>
    [Fact]
    public async Task ANameInOneScriptIsEnoughAndNoNameIsRefused()
    {
        var none = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "", nameHi = " " });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("NameEn", out _));

        var hindiOnly = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "", nameHi = "गीता जाट" });
        Assert.Equal(HttpStatusCode.Created, hindiOnly.StatusCode);
        var id = (await hindiOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("Geeta Jat", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}")).GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task TwoPeopleCannotShareAMobile()
    {
        var mobile = Tree.RandomMobile();
        var first = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "A One", nameHi = "ए", mobile });
        var second = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "B Two", nameHi = "बी", mobile });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task AVoterIdIsCheckedKeptOnceAndShownMaskedUntilRevealed()
    {
        var epic = "RJV" + Random.Shared.Next(1000000, 9999999);
        var bad = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "C Three", nameHi = "सी", voterId = "RJ12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("VoterId", out _));

        var first = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "D Four", nameHi = "डी", voterId = epic.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "E Five", nameHi = "ई", voterId = epic });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);

        var id = (await first.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
        Assert.Equal(epic[..3] + "•••••" + epic[^2..], person.GetProperty("voterId").GetString());
        Assert.True(person.GetProperty("canReveal").GetBoolean());
        var page = await client.GetStringAsync($"/people/{id}");
        Assert.DoesNotContain(epic, page);
        var shown = await client.PostAsJsonAsync($"/api/v1/people/{id}/reveal", new { reason = "Checking the voter list" });
        Assert.Equal(epic, (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voterId").GetString());

        // Saved again without it (forms never show it in full), the one on record stays.
        var update = await client.PutAsJsonAsync($"/api/v1/people/{id}", new { nameEn = "D Four", nameHi = "डी", village = "Chomu" });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        shown = await client.PostAsJsonAsync($"/api/v1/people/{id}/reveal", new { reason = "Checking again" });
        Assert.Equal(epic, (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voterId").GetString());
    }

    [Fact]
    public async Task AnUnknownPersonIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/people/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/people/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/photos/987654")).StatusCode);
    }
}
