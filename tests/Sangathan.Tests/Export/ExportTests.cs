using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Export;

public sealed class ExportTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    const string Sneaky = "=HYPERLINK(\"http://evil.example\",\"click\")";

    async Task<(Tree Tree, (int District, int Block, int Mandal, int Booth) Branch, int President, int Secretary)> BranchAsync()
    {
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Tonk", "टोंक");
        var president = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Ashok Meena", "अशोक मीणा", Tree.RandomMobile());
        var secretary = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "secretary"), "Savitri Bai", "सावित्री बाई", Tree.RandomMobile());
        await tree.AppointAsync(branch.Booth, await tree.PostIdAsync("booth", "president"), Sneaky, "@राम", Tree.RandomMobile());
        return (tree, branch, president, secretary);
    }

    [Fact]
    public async Task OfficeBearersComeOutAsCsvThatASpreadsheetCannotRun()
    {
        var (_, branch, _, _) = await BranchAsync();
        var response = await admin.GetAsync($"/api/v1/units/{branch.District}/export/office-bearers.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("office-bearers.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Unit code,Level,Unit,Unit (Hindi),District,Block,Mandal,Booth number,Assembly constituency,Post,Name in English,Name in Hindi,Mobile", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("Ashok Meena") && l.Contains("अशोक मीणा"));
        // Mobiles as people write them, which a spreadsheet keeps as text, and never behind an apostrophe.
        Assert.Matches(@",\+91 9\d{4} \d{5},", Assert.Single(lines, l => l.Contains("Ashok Meena")));
        Assert.DoesNotContain(",'+", string.Join("\n", lines));
        var sneaky = Assert.Single(lines, l => l.Contains("HYPERLINK"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", sneaky);
        Assert.Contains(",'@राम,", sneaky);
        Assert.DoesNotContain(",=", string.Join("\n", lines));
    }

    [Fact]
    public async Task XlsxVacanciesCompletenessAndContactsAreWholeFiles()
    {
        var (_, branch, _, _) = await BranchAsync();
        var sheet = await SheetAsync(admin, $"/api/v1/units/{branch.District}/export/office-bearers.xlsx");
        Assert.Contains("Ashok Meena", sheet);
        Assert.Contains("=HYPERLINK(&quot;http://evil.example&quot;", sheet);
        Assert.DoesNotContain("<f>", sheet); // every cell is text, never a formula

        var completeness = await SheetAsync(admin, $"/api/v1/units/{branch.District}/export/completeness.xlsx");
        Assert.Contains("Per cent filled", completeness);
        Assert.Equal(5, CountOf(completeness, "<row ")); // header, district, block, mandal, booth

        var vacancies = await admin.GetStringAsync($"/api/v1/units/{branch.District}/export/vacancies.csv");
        Assert.Contains("Treasurer", vacancies);
        Assert.DoesNotContain(",President,1,1,0", vacancies); // the district's president seat is filled

        var cards = await admin.GetStringAsync($"/api/v1/units/{branch.District}/export/contacts.vcf");
        Assert.Equal(3, CountOf(cards, "BEGIN:VCARD\r\n"));
        Assert.Contains("FN:Ashok Meena\r\n", cards);
        Assert.Matches(@"TEL;TYPE=CELL:\+91\d{10}\r\n", cards);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/units/{branch.District}/export/passwords.csv")).StatusCode);
    }

    [Fact]
    public async Task XlsxNumbersAreNumbersEachRowNamesItsPlacesAndTheHeaderIsFrozenFilteredAndSized()
    {
        var (tree, branch, _, _) = await BranchAsync();
        var number = Random.Shared.Next(500, 9000);
        var ac = await app.WithDb(async db =>
        {
            var c = new Sangathan.Geography.Constituency { Kind = Sangathan.Geography.ConstituencyKind.Assembly, Number = number, NameEn = "Niwai", NameHi = "निवाई" };
            db.Constituencies.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        await tree.UnitAsync(branch.Mandal, Tree.NewCode("P"), "Niwai School", "निवाई विद्यालय", ac, 117);

        var sheet = await SheetAsync(admin, $"/api/v1/units/{branch.District}/export/completeness.xlsx");
        Assert.Contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>", sheet);
        Assert.Matches("<autoFilter ref=\"A1:N6\"/>", sheet); // 14 columns; header and five units
        Assert.Matches("<col min=\"3\" max=\"3\" width=\"24\" customWidth=\"1\"/>", sheet);
        Assert.Contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">Unit code</t>", sheet); // the header in bold
        var header = Row(sheet, 1);
        Assert.Equal(["Unit code", "Level", "Unit", "Unit (Hindi)", "District", "Block", "Mandal", "Booth number", "Assembly constituency", "Seats"], header[..10]);
        // The new booth: its district, block and mandal in words, its part number and seats as numbers, its constituency by number and name.
        var booth = Enumerable.Range(2, 5).Select(n => Row(sheet, n)).Single(r => r[2] == "Niwai School");
        Assert.Equal(["Tonk", "Tonk Block", "Tonk Mandal", "117", $"{number} Niwai"], booth[4..9]);
        Assert.Matches("<c r=\"H\\d\"><v>117</v></c>", sheet);
        Assert.Matches("<c r=\"J\\d\"><v>\\d+</v></c>", sheet); // seats: a number, not text

        var bearers = await SheetAsync(admin, $"/api/v1/units/{branch.District}/export/office-bearers.xlsx");
        Assert.Matches("<c r=\"[A-Z]+2\" s=\"2\"><v>\\d{5}</v></c>", bearers); // since: a date
    }

    /// <summary>The text of each cell of one row of a sheet written with inline strings and numbers.</summary>
    static string[] Row(string sheet, int n)
    {
        var row = System.Text.RegularExpressions.Regex.Match(sheet, $"<row r=\"{n}\">(.*?)</row>").Groups[1].Value;
        return [.. System.Text.RegularExpressions.Regex.Matches(row, "<c r=\"[A-Z]+\\d+\"[^>]*>(?:<is><t[^>]*>(.*?)</t></is>|<v>(.*?)</v>)</c>|<c r=\"[A-Z]+\\d+\"[^>]*/>")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];
    }

    [Fact]
    public async Task HeadersFollowTheReadersLanguage()
    {
        var (_, branch, _, _) = await BranchAsync();
        var hindi = app.CreateAdminClient();
        await hindi.GetAsync("/language/hi?returnUrl=/");
        var csv = await hindi.GetStringAsync($"/units/{branch.District}/export/completeness.csv");
        Assert.StartsWith("\uFEFFइकाई कोड,स्तर,इकाई", csv);
        Assert.Contains("प्रतिशत भरा", csv);
    }

    [Fact]
    public async Task OnlyThoseWhoEditTheUnitOrTheStateAdministratorExportAndEachExportIsAudited()
    {
        var (_, branch, president, secretary) = await BranchAsync();
        var (_, elsewhere, _, _) = await BranchAsync();
        var path = $"/api/v1/units/{branch.Mandal}/export/office-bearers.csv";
        var before = await ExportsAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.CreatePersonClient(president).GetAsync(path)).StatusCode);
        // A secretary reads the district but does not edit it; a data-entry operator edits but never exports.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreatePersonClient(secretary).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateStaffClient("data-entry").GetAsync(path)).StatusCode);
        // An auditor reads the log, not the tree: for them the unit is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateStaffClient("auditor").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePersonClient(president).GetAsync($"/api/v1/units/{elsewhere.Mandal}/export/office-bearers.csv")).StatusCode);
        Assert.Equal(before + 1, await ExportsAsync());

        var page = await app.CreatePersonClient(president).GetStringAsync($"/units/{branch.Block}");
        Assert.Contains($"/units/{branch.Block}/export/contacts.vcf", page);
        Assert.DoesNotContain("/export/", await app.CreatePersonClient(secretary).GetStringAsync($"/units/{branch.Block}"));
    }

    async Task<int> ExportsAsync() =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=export")).GetProperty("total").GetInt32();

    static async Task<string> SheetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
    }

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
