using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Geography;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Geography;

public sealed class RepresentativeTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task AnMlaIsShownOnTheBoothsOfTheirSeatAndANewOneClosesTheOldTerm()
    {
        var (pc, ac) = await app.WithDb(async db =>
        {
            var parliamentary = new Constituency { Kind = ConstituencyKind.Parliamentary, Number = 901, NameEn = "Testpur", NameHi = "टेस्टपुर" };
            db.Constituencies.Add(parliamentary);
            await db.SaveChangesAsync();
            var assembly = new Constituency { Kind = ConstituencyKind.Assembly, Number = 901, NameEn = "Testpur East", NameHi = "टेस्टपुर पूर्व", ParentId = parliamentary.Id };
            db.Constituencies.Add(assembly);
            await db.SaveChangesAsync();
            return (parliamentary.Id, assembly.Id);
        });
        var (_, _, mandal, _) = await Tree.BranchAsync();
        var booth = await Tree.UnitAsync(mandal, Tree.NewCode("P"), "School Booth", "स्कूल बूथ", ac, 12);
        var first = await Person("Old Mla", "पुराने विधायक");
        var second = await Person("New Mla", "नए विधायक");
        var mp = await Person("Some Mp", "कोई सांसद");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/constituencies/{ac}/representatives", new { personId = first, from = "2018-12-11" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/constituencies/{ac}/representatives", new { personId = second, from = "2023-12-03" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/constituencies/{pc}/representatives", new { personId = mp, from = "2024-06-04" })).StatusCode);

        var reps = (await Tree.UnitJsonAsync(booth)).GetProperty("representatives").EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("nameEn").GetString())).ToList();
        Assert.Equal([("MP", "Some Mp"), ("MLA", "New Mla")], reps);
        var old = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{first}");
        Assert.Equal("2023-12-02", old.GetProperty("seats")[0].GetProperty("until").GetString());
    }

    [Fact]
    public async Task AnOfficeBearerSeesInFullOnlyTheMobilesOfRepresentativesWhoHoldAPostInTheirReach()
    {
        var (pc, ac) = await app.WithDb(async db =>
        {
            var parliamentary = new Constituency { Kind = ConstituencyKind.Parliamentary, Number = 903, NameEn = "Maskpur", NameHi = "मास्कपुर" };
            db.Constituencies.Add(parliamentary);
            await db.SaveChangesAsync();
            var assembly = new Constituency { Kind = ConstituencyKind.Assembly, Number = 903, NameEn = "Maskpur West", NameHi = "मास्कपुर पश्चिम", ParentId = parliamentary.Id };
            db.Constituencies.Add(assembly);
            await db.SaveChangesAsync();
            return (parliamentary.Id, assembly.Id);
        });
        var (_, _, mandal, _) = await Tree.BranchAsync();
        var booth = await Tree.UnitAsync(mandal, Tree.NewCode("P"), "Well Booth", "कुआँ बूथ", ac, 14);
        await Tree.AppointAsync(mandal, await Tree.PostIdAsync("mandal", "president"), "Reader Here", "पाठक यहाँ", Tree.RandomMobile());
        var reader = (await Tree.UnitJsonAsync(mandal)).GetProperty("officeBearers")[0].GetProperty("personId").GetInt32();
        var mlaMobile = Tree.RandomMobile();
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "Mla Below", "नीचे के विधायक", mlaMobile);
        var mla = (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers")[0].GetProperty("personId").GetInt32();
        var mpMobile = Tree.RandomMobile();
        var mp = await Person("Mp Elsewhere", "कहीं के सांसद", mpMobile);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/constituencies/{ac}/representatives", new { personId = mla })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/constituencies/{pc}/representatives", new { personId = mp })).StatusCode);

        var page = await app.CreatePersonClient(reader).GetFromJsonAsync<JsonElement>($"/api/v1/units/{booth}");
        var reps = page.GetProperty("representatives").EnumerateArray()
            .ToDictionary(r => r.GetProperty("kind").GetString()!, r => (r.GetProperty("mobile").GetString(), r.GetProperty("mobileMasked").GetBoolean()));
        Assert.Equal((mlaMobile, false), reps["MLA"]);
        Assert.True(reps["MP"].Item2);
        Assert.NotEqual(mpMobile, reps["MP"].Item1);
    }

    [Fact]
    public async Task AnUnknownSeatOrPersonIsRefused()
    {
        var person = await Person("Any One", "कोई");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/constituencies/987654/representatives", new { personId = person })).StatusCode);
        var seat = await app.WithDb(async db =>
        {
            var c = new Constituency { Kind = ConstituencyKind.Assembly, Number = 902, NameEn = "Nowhere", NameHi = "कहीं नहीं" };
            db.Constituencies.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/constituencies/{seat}/representatives", new { personId = 987654 })).StatusCode);
        Assert.Contains("Nowhere", await client.GetStringAsync("/constituencies"));
    }

    [Fact]
    public async Task TheMlaListIsSearchedByNameOrNumberPagedAndSaysItsReservationInWords()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var number = Random.Shared.Next(20_000, 900_000);
        await app.WithDb(async db =>
        {
            db.Constituencies.Add(new Constituency { Kind = ConstituencyKind.Assembly, Number = number, NameEn = $"Searchpur {tag}", NameHi = $"सर्चपुर {tag}", Reservation = "SC" });
            for (var i = 1; i <= 55; i++)
                db.Constituencies.Add(new Constituency { Kind = ConstituencyKind.Assembly, Number = number + i, NameEn = $"Many {tag} {i}", NameHi = $"अनेक {tag} {i}", Reservation = "ST" });
            await db.SaveChangesAsync();
        });

        var found = await client.GetStringAsync($"/constituencies?q=searchpur+{tag}");
        Assert.Contains($"Searchpur {tag}", found);
        Assert.Contains("Reserved for Scheduled Castes", found);
        Assert.DoesNotContain($"Many {tag}", found);
        Assert.Contains("Showing 1 to 1 of 1", found);
        Assert.Contains($"Searchpur {tag}", await client.GetStringAsync($"/constituencies?q={number}"));
        Assert.Contains($"Searchpur {tag}", await client.GetStringAsync($"/constituencies?q={Uri.EscapeDataString("सर्चपुर " + tag)}"));

        // 55 seats: 50 on the first page, 5 on the second, which the first links to, the search kept.
        var first = await client.GetStringAsync($"/constituencies?q=many+{tag}");
        Assert.Contains("Showing 1 to 50 of 55", first);
        Assert.Contains("Reserved for Scheduled Tribes", first);
        Assert.DoesNotContain(">ST ·", first);
        Assert.Contains($"?kind=Assembly&amp;q=many%20{tag}&amp;page=2", first);
        var second = await client.GetStringAsync($"/constituencies?kind=Assembly&q=many+{tag}&page=2");
        Assert.Contains("Showing 51 to 55 of 55", second);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(second, $"Many {tag} \\d+").Count);

        Assert.Contains("No constituency matches.", await client.GetStringAsync($"/constituencies?q=nothing{tag}"));
    }

    async Task<int> Person(string en, string hi, string? mobile = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = en, nameHi = hi, mobile });
        return (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
    }
}
