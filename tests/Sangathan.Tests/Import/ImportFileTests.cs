using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Import;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>Real files, good and broken: each broken one gets a clear message and changes nothing.</summary>
public sealed class ImportFileTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) sheet.Write(zeros);
        }
        return buffer.ToArray();
    }

    /// <summary>A file committed in Import/Files (see its README.md for how each was made).</summary>
    internal static byte[] Committed(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Import/Files", name));

    /// <summary>Each broken file, with what its uploader must read in English and in Hindi.</summary>
    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "truncated.xlsx", "The Excel file is damaged or incomplete", "Excel फ़ाइल ख़राब या अधूरी है" },
        { "pdf-renamed.xlsx", "This is a PDF, not an Excel (.xlsx) or CSV file.", "यह PDF है" },
        { "huge-cell.xlsx", "A cell is longer than 32767 characters.", "एक खाने में 32767 से अधिक अक्षर हैं" },
        { "windows-1252.csv", "The CSV file is not in UTF-8", "CSV फ़ाइल UTF-8 में नहीं है" },
        { "utf16-no-bom.csv", "UTF-16 text without its byte order mark", "बिना BOM (बाइट ऑर्डर मार्क) वाला UTF-16" },
        { "header-only.csv", "The file has a header but no rows to import.", "आयात के लिए कोई पंक्ति नहीं" },
        { "header-only.xlsx", "The file has a header but no rows to import.", "आयात के लिए कोई पंक्ति नहीं" },
        { "zip-bomb.xlsx", "(a \"zip bomb\")", "(\"ज़िप बम\")" },
        { "empty.csv", "The file is empty.", "फ़ाइल खाली है।" },
        { "no-header.csv", "No header row was found", "शीर्षक पंक्ति नहीं मिली" },
    };

    static byte[] Broken(string name) => name switch
    {
        // Made here: a zip bomb is made in a moment, and an empty or headerless file needs no recipe.
        "zip-bomb.xlsx" => ZipBomb(),
        "empty.csv" => [],
        "no-header.csv" => ImportClient.Csv("just,some,words\n1,2,3\n"),
        _ => Committed(name),
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task ABrokenFileGetsAClearMessageInEnglishAndInHindiAndChangesNothing(string name, string english, string hindi)
    {
        var before = await CountsAsync();
        foreach (var (language, message) in new[] { ("en", english), ("hi", hindi) })
        {
            var response = await new ImportClient(admin).UploadAsync(name, Broken(name), language);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            var messages = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
            Assert.Contains(messages, m => m.Contains(message));
        }
        Assert.Equal(before, await CountsAsync());
    }

    Task<(int, int, int, int)> CountsAsync() => app.WithDb(async db =>
        (await db.ImportJobs.CountAsync(), await db.ImportRows.CountAsync(), await db.Units.CountAsync(), await db.People.CountAsync()));

    [Fact]
    public async Task TheWholeFileTheTruncatedOneWasCutFromIsReadWell()
    {
        // So the truncated file is refused for being cut, not for something else about how it was made.
        var rows = TableReader.Read(Committed("good-booths.xlsx"), new ImportOptions()).ToList();
        Assert.Equal(["Jaipur", "Amer", "Mandal 3", "41", "President", "Gopal Sharma", "9829011111"], rows[1].Cells);
        Assert.Equal(Committed("good-booths.xlsx")[..(Committed("good-booths.xlsx").Length / 2)], Committed("truncated.xlsx"));
    }

    [Fact]
    public async Task AFileOverTheLimitIsToldTheLimitThroughTheApiAsOnThePage()
    {
        // On Kestrel, as served: its own limit on a request (30 MB) is below the file limit (40 MB) and would answer first.
        using var served = new SangathanFactory();
        var address = served.ServeOnKestrel();
        using var client = served.CreateAdminClient();
        client.BaseAddress = address;
        var limit = new ImportOptions().MaxFileBytes;
        var file = new byte[limit + 1024];
        Encoding.ASCII.GetBytes("District,Name,Mobile\n").CopyTo(file, 0);

        var response = await new ImportClient(client).UploadAsync("huge.csv", file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"at most {limit / 1024 / 1024} MB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePagesDownloadLinksWorkWithTheSessionCookieAlone()
    {
        // A browser sends its session as a cookie and never as a bearer token, the only thing /api/v1 accepts.
        using var browser = app.CreateAdminClient();
        browser.DefaultRequestHeaders.Authorization = null;
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("links.csv", ImportClient.Csv("District,Block,Mandal,Booth,Post,Name,Mobile\nNowhere,B,M,1,President,Hari,9829012345\n"));
        await imports.SettledAsync(id);

        var links = Downloads(await browser.GetStringAsync("/imports")).Concat(Downloads(await browser.GetStringAsync($"/imports/{id}"))).ToList();

        Assert.Equal(4, links.Count); // three templates and the report
        foreach (var link in links)
        {
            var response = await browser.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            Assert.Equal(ImportApi.XlsxType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    static IEnumerable<string> Downloads(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "href=\"([^\"]+\\.xlsx)\"").Select(m => m.Groups[1].Value);

    [Fact]
    public async Task ABrokenFileGetsItsMessageInHindiOnThePage()
    {
        await admin.GetAsync("/language/hi?returnUrl=/");
        var form = await admin.GetStringAsync("/imports");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(Committed("pdf-renamed.xlsx")), "Upload", "booths.xlsx" },
        };
        var response = await admin.PostAsync("/imports", content);
        await admin.GetAsync("/language/en?returnUrl=/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("यह PDF है", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AnExcelFileWithHindiHeadersBelowATitleRowImportsWithItsNumbersExact()
    {
        var job = await ImportWithJaipurAsync("hindi-title-row.xlsx");
        Assert.Equal("Committed", job.GetProperty("state").GetString());
        Assert.Equal(2, job.GetProperty("creates").GetInt32());
        var people = await app.WithDb(db => db.People.Where(p => p.Mobile == "+919829011111" || p.Mobile == "+919829022222")
            .OrderBy(p => p.Mobile).Select(p => p.NameHi).ToListAsync());
        Assert.Equal(["गोपाल शर्मा", "राधा कुमारी"], people);
        Assert.True(await app.WithDb(db => db.Units.AnyAsync(u => u.NameHi == "बूथ 42" && u.PartNumber == 42)));
    }

    [Fact]
    public async Task ACsvWithATitleRowAboveHindiHeadersAsADistrictOfficeSavesItImports()
    {
        var job = await ImportWithJaipurAsync("hindi-title-row.csv");
        Assert.Equal("Committed", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("creates").GetInt32());
        Assert.Equal("सुनीता मीणा", await app.WithDb(db => db.People.Where(p => p.Mobile == "+919829033333").Select(p => p.NameHi).SingleAsync()));
    }

    /// <summary>Commits a committed file about the district of Jaipur (जयपुर), which the test database may not hold yet.</summary>
    async Task<JsonElement> ImportWithJaipurAsync(string file)
    {
        var tree = new Tree(admin);
        if (!await app.WithDb(db => db.Units.AnyAsync(u => u.NameHi == "जयपुर")))
            await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), "Jaipur", "जयपुर");
        var imports = new ImportClient(admin);
        return await imports.CommitAsync(await imports.UploadOkAsync(file, Committed(file)));
    }

    [Fact]
    public async Task AProblemNamingALevelUsesTheLevelsOwnNameInEachLanguage()
    {
        var tree = new Tree(admin);
        var district = "Lvl" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "स्तर" + district);
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("levels.csv", ImportClient.Csv("District,Block,Mandal,Booth,Post,Name,Mobile\n"
            + $"Nowhere{district},B,M,1,President,Hari,{Tree.RandomMobile()}\n{district},B,M,1,Chowkidar,Hari,{Tree.RandomMobile()}\n"));
        await imports.SettledAsync(id);
        var levels = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/levels")).EnumerateArray()
            .ToDictionary(l => l.GetProperty("key").GetString()!, l => (En: l.GetProperty("nameEn").GetString()!, Hi: l.GetProperty("nameHi").GetString()!));

        Assert.Equal([$"No {levels["district"].En} is called Nowhere{district}.", $"A {levels["booth"].En} has no post called Chowkidar."],
            await ProblemsAsync(id, "en"));
        Assert.Equal([$"Nowhere{district} नाम का कोई {levels["district"].Hi} नहीं है।", $"{levels["booth"].Hi} में Chowkidar नाम का कोई पद नहीं है।"],
            await ProblemsAsync(id, "hi"));
    }

    async Task<List<string>> ProblemsAsync(int id, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/imports/{id}");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var job = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return job.GetProperty("rowPage").EnumerateArray()
            // Problems only: notes (a new unit waiting for the uploader's choice) say nothing about a level's name.
            .SelectMany(r => r.GetProperty("problems").EnumerateArray().Where(p => !p.GetProperty("note").GetBoolean())
                .Select(p => p.GetProperty("problem").GetString()!)).ToList();
    }

    [Fact]
    public async Task UnicodeTextAsExcelSavesItIsReadWithItsTabs()
    {
        var text = "District\tName\tMobile\r\nJaipur\tसीता\t9829012345\r\n";
        byte[] file = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];
        var rows = TableReader.Read(file, new ImportOptions()).ToList();
        Assert.Equal(["Jaipur", "सीता", "9829012345"], rows[1].Cells);
    }

    [Fact]
    public async Task AColumnItCannotRecognizeIsMappedOnceAndRememberedForTheNextFile()
    {
        var tree = new Tree(admin);
        var district = "Map" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "मैप" + district);
        var file = ImportClient.Csv($"District,Block,Mandal,Booth,Post,Karyakarta,Mobile\n{district},B1,M1,5,President,Hari Ram,{Tree.RandomMobile()}\n");
        var imports = new ImportClient(admin);
        var first = await imports.UploadOkAsync("odd.csv", file);
        var job = await imports.SettledAsync(first);
        Assert.Equal("NeedsMapping", job.GetProperty("state").GetString());
        var karyakarta = job.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("header").GetString() == "Karyakarta");
        var mapped = await admin.PutAsJsonAsync($"/api/v1/imports/{first}/mapping",
            new { columns = new Dictionary<int, string> { [karyakarta.GetProperty("index").GetInt32()] = Fields.NameEn } });
        Assert.Equal(HttpStatusCode.Accepted, mapped.StatusCode);
        Assert.Equal(1, (await imports.SettledAsync(first)).GetProperty("creates").GetInt32());

        var second = await imports.UploadOkAsync("odd-again.csv", file);
        Assert.Equal("Checked", (await imports.SettledAsync(second)).GetProperty("state").GetString());
    }
}
