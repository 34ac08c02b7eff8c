using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Search;

/// <summary>
/// Names across scripts (issue 23): a name given in one script gets the other, and search finds a person by any word
/// of their name in either script, with the spellings Hindi names are written in, showing their post and unit.
/// </summary>
public sealed class NamesAcrossScriptsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    async Task<JsonElement> Search(string q) =>
        await (await client.PostAsJsonAsync("/api/v1/search", new { q })).Content.ReadFromJsonAsync<JsonElement>();

    static IEnumerable<JsonElement> People(JsonElement results) => results.GetProperty("people").EnumerateArray();

    /// <summary>Letters only, so that the name's words are the test's own.</summary>
    static string Word() => string.Concat(Guid.NewGuid().ToString("N")[..7].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    [Fact]
    public async Task ALatinSearchFindsAPersonEnteredOnlyInDevanagariAndTheReverseAndASurnameAloneFindsThem()
    {
        var (district, block, _, _) = await Tree.BranchAsync("Sikar", "सीकर");
        var mobile = Tree.RandomMobile();
        // Entered only in Devanagari, through the form's API: the Latin form is generated.
        var hindiOnly = await client.PostAsJsonAsync($"/api/v1/units/{block}/appointments",
            new { postId = await Tree.PostIdAsync("block", "treasurer"), newPerson = new { nameHi = "गीता जाट", mobile } });
        Assert.True(hindiOnly.IsSuccessStatusCode, await hindiOnly.Content.ReadAsStringAsync());
        var geeta = await app.WithDb(db => db.People.AsNoTracking().SingleAsync(p => p.Mobile == mobile));
        Assert.Equal(("Geeta Jat", "गीता जाट"), (geeta.NameEn, geeta.NameHi));

        // Entered only in Latin letters: found by its name in Devanagari.
        var surname = "Zq" + Word();
        var latinOnly = await client.PostAsJsonAsync($"/api/v1/units/{district}/appointments",
            new { postId = await Tree.PostIdAsync("district", "spokesperson"), newPerson = new { nameEn = $"Shyam Sundar {surname}", mobile = Tree.RandomMobile() } });
        Assert.True(latinOnly.IsSuccessStatusCode, await latinOnly.Content.ReadAsStringAsync());

        Assert.Contains(People(await Search("Geeta Jat")), p => p.GetProperty("id").GetInt32() == geeta.Id);
        Assert.Contains(People(await Search("gita jat")), p => p.GetProperty("id").GetInt32() == geeta.Id);
        // The surname alone, in either script, and the first name's start.
        Assert.Contains(People(await Search("Jat")), p => p.GetProperty("id").GetInt32() == geeta.Id);
        Assert.Contains(People(await Search("जाट")), p => p.GetProperty("id").GetInt32() == geeta.Id);
        Assert.Contains(People(await Search("Gee")), p => p.GetProperty("id").GetInt32() == geeta.Id);
        var bySurname = People(await Search(surname)).Single();
        Assert.Equal($"Shyam Sundar {surname}", bySurname.GetProperty("nameEn").GetString());
        // The reverse: the Latin-only person found by the Devanagari of their name (as generated, and as a person would type it).
        var generated = bySurname.GetProperty("nameHi").GetString()!;
        Assert.Contains(People(await Search(generated)), p => p.GetProperty("nameEn").GetString() == $"Shyam Sundar {surname}");
        Assert.Contains(People(await Search("श्याम सुंदर " + generated.Split(' ')[^1])), p => p.GetProperty("nameEn").GetString() == $"Shyam Sundar {surname}");

        // The post and unit show beside the name.
        var hit = People(await Search("गीता")).Single(p => p.GetProperty("id").GetInt32() == geeta.Id);
        Assert.Equal("Treasurer", hit.GetProperty("postEn").GetString());
        Assert.Equal(block, hit.GetProperty("unitId").GetInt32());
    }

    [Theory]
    [InlineData("Shweta Verma", "Sweta Werma")]
    [InlineData("Pooja Meena", "Puja Mina")]
    [InlineData("Raakesh Sharma", "Rakesh Sarma")]
    [InlineData("Pawan Siddharth", "Pavan Sidharth")]
    public async Task CommonSpellingsOfAHindiNameFindEachOther(string entered, string searched)
    {
        var (_, block, _, _) = await Tree.BranchAsync();
        var word = "Zq" + Word();
        await Tree.AppointAsync(block, await Tree.PostIdAsync("block", "secretary"), $"{entered} {word}", "नाम", Tree.RandomMobile());
        Assert.Contains(People(await Search($"{searched} {word}")), p => p.GetProperty("nameEn").GetString() == $"{entered} {word}");
    }

    [Fact]
    public async Task SearchSaysHowManyMatchBeyondThePageItShows()
    {
        var (_, _, mandal, _) = await Tree.BranchAsync();
        var family = "Zq" + Word();
        var booths = new List<int>();
        for (var i = 0; i < 23; i++)
        {
            var booth = await Tree.UnitAsync(mandal, Tree.NewCode("P"), $"Booth {i}", $"बूथ {i}");
            await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), $"Kamla {family}", "", Tree.RandomMobile());
        }

        var results = await Search(family);
        Assert.Equal(20, People(results).Count());
        Assert.Equal(23, results.GetProperty("peopleTotal").GetInt32());
        var page = await Forms.PostAsync(client, "/search", await client.GetStringAsync("/search"), new() { ["q"] = family });
        Assert.Contains("Showing 20 of 23", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MembersAreFoundByNameInEitherScriptWhereTheCallerMaySeeThemWithTheirMobileMasked()
    {
        var (district, _, _, booth) = await Tree.BranchAsync("Churu", "चूरू");
        var word = "Zq" + Word();
        var mobile = Tree.RandomMobile();
        await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "hi", Text = "notice " + word, Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            db.Members.Add(new Member
            {
                VoterId = "RJZ" + Random.Shared.Next(1_000_000, 9_999_999), NameEn = $"Sunita {word}", NameHi = "सुनीता मीणा", Mobile = mobile,
                Category = "general", Age = 40, BoothId = booth, Status = MemberStatus.Pending, Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"),
                ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var byLatin = (await Search($"sunita {word}")).GetProperty("members").EnumerateArray().Single();
        Assert.Equal($"Sunita {word}", byLatin.GetProperty("nameEn").GetString());
        Assert.Equal(booth, byLatin.GetProperty("boothId").GetInt32());
        Assert.DoesNotContain(mobile[5..^2], byLatin.GetProperty("mobile").GetString());
        Assert.Contains((await Search("सुनीता मीणा")).GetProperty("members").EnumerateArray(), m => m.GetProperty("nameEn").GetString() == $"Sunita {word}");

        // An office bearer of another district does not find them.
        var (elsewhere, _, _, _) = await Tree.BranchAsync("Bikaner", "बीकानेर");
        var bearer = Tree.RandomMobile();
        await Tree.AppointAsync(elsewhere, await Tree.PostIdAsync("district", "president"), "Other President", "दूसरे अध्यक्ष", bearer);
        var other = app.CreatePersonClient(await app.WithDb(db => db.People.Where(p => p.Mobile == bearer).Select(p => p.Id).SingleAsync()));
        var theirs = await (await other.PostAsJsonAsync("/api/v1/search", new { q = $"sunita {word}" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(theirs.GetProperty("members").EnumerateArray());
        Assert.NotEqual(0, district);
    }
}
