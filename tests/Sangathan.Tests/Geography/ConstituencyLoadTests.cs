using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Geography;

/// <summary>What both constituency tests share: the admin client and uploading a list.</summary>
public abstract class ConstituencyTestsBase(SangathanFactory app)
{
    protected readonly HttpClient admin = app.CreateAdminClient();
    protected Tree Tree => new(admin);

    protected static byte[] Rajasthan => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Geography", "Files", "rajasthan_assembly_constituencies.csv"));

    protected async Task<(HttpStatusCode Status, JsonElement Body)> LoadAsync(byte[] file, string name = "constituencies.csv")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", name);
        var response = await admin.PostAsync("/api/v1/constituencies/load", form);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    protected async Task<int> PersonAsync(string en, string hi)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/people/", new { nameEn = en, nameHi = hi, mobile = Tree.RandomMobile() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
    }
}

/// <summary>
/// The official list of constituencies loaded from a file by the war room (issue 22): Rajasthan's 200 assembly seats as
/// the state's own file has them, into a database that has nothing else, then an MLA of any party attached and shown on
/// the booths of the seat.
/// </summary>
public sealed class ConstituencyLoadTests(SangathanFactory app) : ConstituencyTestsBase(app), IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task RajasthansListLoadsIntoAnEmptyDatabaseAndAnMlaOfAnyPartyIsAttached()
    {
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/constituencies/")).EnumerateArray());

        var (status, first) = await LoadAsync(Rajasthan);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((200, 200, 0), (first.GetProperty("assembly").GetInt32(), first.GetProperty("created").GetInt32(), first.GetProperty("parliamentary").GetInt32()));
        var seats = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/constituencies/?kind=Assembly")).EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 200), seats.Select(s => s.GetProperty("number").GetInt32()));
        Assert.Equal("Sadulshahar", seats[0].GetProperty("nameEn").GetString());
        Assert.Equal((143, 34, 23), (seats.Count(s => s.GetProperty("reservation").GetString() == "GEN"),
            seats.Count(s => s.GetProperty("reservation").GetString() == "SC"), seats.Count(s => s.GetProperty("reservation").GetString() == "ST")));
        // No district is in the (empty) tree: said so, and no tie made.
        Assert.Equal(0, first.GetProperty("ties").GetInt32());
        Assert.Contains(first.GetProperty("notes").EnumerateArray(), n => n.GetProperty("message").GetString()!.Contains("(33)"));

        // The war room then builds Jaipur (code JPR) with a booth of Jhotwara (46); the same file again ties Jaipur's 19 seats.
        var state = await Tree.StateAsync();
        var jaipur = await Tree.UnitAsync(state, "JPR", "Jaipur", "जयपुर");
        var block = await Tree.UnitAsync(jaipur, Tree.NewCode("B"), "Jhotwara Block", "झोटवाड़ा ब्लॉक");
        var mandal = await Tree.UnitAsync(block, Tree.NewCode("M"), "Jhotwara Mandal", "झोटवाड़ा मंडल");
        var jhotwara = seats.Single(s => s.GetProperty("number").GetInt32() == 46).GetProperty("id").GetInt32();
        var booth = await Tree.UnitAsync(mandal, Tree.NewCode("P"), "Govt School Booth", "राजकीय विद्यालय बूथ", jhotwara, 101);
        var (_, again) = await LoadAsync(Rajasthan);
        Assert.Equal((0, 0, 19), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("ties").GetInt32()));

        // An MLA of another party, attached through the API and shown on the booth's page with the party.
        var person = await PersonAsync("Gopal Sharma", "गोपाल शर्मा");
        var seated = await admin.PostAsJsonAsync($"/api/v1/constituencies/{jhotwara}/representatives", new { personId = person, from = "2023-12-03", party = "BJP" });
        Assert.Equal(HttpStatusCode.Created, seated.StatusCode);
        var mla = Assert.Single((await Tree.UnitJsonAsync(booth)).GetProperty("representatives").EnumerateArray());
        Assert.Equal(("MLA", "Gopal Sharma", "BJP", 46), (mla.GetProperty("kind").GetString(), mla.GetProperty("nameEn").GetString(),
            mla.GetProperty("party").GetString(), mla.GetProperty("constituencyNumber").GetInt32()));
        // And on the district's page too: Jaipur's seats are tied to it now.
        Assert.Contains((await Tree.UnitJsonAsync(jaipur)).GetProperty("representatives").EnumerateArray(), r => r.GetProperty("nameEn").GetString() == "Gopal Sharma");
    }
}

/// <summary>A full list (Hindi names, parliamentary seats, blocks, members) in a database of its own: loaded whole or not at all.</summary>
public sealed class ConstituencyFileTests(SangathanFactory app) : ConstituencyTestsBase(app), IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task AFullListWithHindiNamesParliamentarySeatsBlocksAndMembersIsLoadedWholeOrNotAtAll()
    {
        var state = await Tree.StateAsync();
        var district = await Tree.UnitAsync(state, "KOT", "Kota", "कोटा");
        var ladpura = await Tree.UnitAsync(district, "KOT-LDP", "Ladpura Block", "लाडपुरा ब्लॉक");
        var csv = """
            AC No,AC Name,AC Name Hi,Reservation,District,PC No,PC Name,PC Name Hi,PC Reservation,Blocks,Member,Member Hi,Party,Mobile
            916,Kota North,कोटा उत्तर,GEN,KOT,924,Kota,कोटा,GEN,,Shanti Dhariwal,शांति धारीवाल,INC,
            917,Kota South,कोटा दक्षिण,GEN,KOT,924,Kota,कोटा,GEN,,Sandeep Sharma,संदीप शर्मा,BJP,
            918,Ladpura,लाडपुरा,GEN,Kota,924,Kota,कोटा,GEN,Ladpura Block,Kalpana Devi,कल्पना देवी,BJP,
            """;
        var bad = csv.Replace("918,Ladpura,लाडपुरा,GEN", "918,Ladpura,लाडपुरा,OBC") + "\n916,Kota North Again,,GEN,KOT,,,,,,,,,\n";
        var (refused, problems) = await LoadAsync(Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        var rows = problems.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("row").GetInt32()).ToList();
        Assert.Contains(4, rows);
        Assert.Contains(5, rows);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/v1/constituencies/?kind=Assembly")).EnumerateArray(),
            s => s.GetProperty("number").GetInt32() == 916);

        var (status, loaded) = await LoadAsync(Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((3, 1, 3), (loaded.GetProperty("assembly").GetInt32(), loaded.GetProperty("parliamentary").GetInt32(), loaded.GetProperty("members").GetInt32()));
        var pc = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/constituencies/?kind=Parliamentary")).EnumerateArray(),
            s => s.GetProperty("number").GetInt32() == 924);
        Assert.Equal("कोटा", pc.GetProperty("nameHi").GetString());
        var acs = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/constituencies/?kind=Assembly")).EnumerateArray()
            .Where(s => s.GetProperty("number").GetInt32() >= 916).ToList();
        Assert.All(acs, a => Assert.Equal(pc.GetProperty("id").GetInt32(), a.GetProperty("parentId").GetInt32()));
        Assert.Equal("कोटा उत्तर", acs[0].GetProperty("nameHi").GetString());
        // The block named in the file shows its seat's member with their party; the district shows all three and the PC.
        var onBlock = Assert.Single((await Tree.UnitJsonAsync(ladpura)).GetProperty("representatives").EnumerateArray());
        Assert.Equal(("Kalpana Devi", "BJP"), (onBlock.GetProperty("nameEn").GetString(), onBlock.GetProperty("party").GetString()));
        var onDistrict = (await Tree.UnitJsonAsync(district)).GetProperty("representatives").EnumerateArray().ToList();
        Assert.Equal(3, onDistrict.Count);
        Assert.Contains(onDistrict, r => r.GetProperty("party").GetString() == "INC");

        // The same file again changes nothing; a new member in it closes the sitting one's term.
        var (_, same) = await LoadAsync(Encoding.UTF8.GetBytes(csv));
        Assert.Equal((0, 0), (same.GetProperty("created").GetInt32(), same.GetProperty("updated").GetInt32()));
        Assert.Single((await Tree.UnitJsonAsync(ladpura)).GetProperty("representatives").EnumerateArray());
    }
}
