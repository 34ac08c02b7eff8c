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
        Assert.StartsWith("Unit code,Level,Unit,Unit (Hindi),Post,Name in English,Name in Hindi,Mobile", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("Ashok Meena") && l.Contains("अशोक मीणा"));
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
