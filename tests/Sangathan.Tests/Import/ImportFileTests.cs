using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sangathan.Import;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>Real files, good and broken: each broken one gets a clear message and changes nothing.</summary>
public sealed class ImportFileTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    static byte[] Xlsx(params string[][] rows)
    {
        using var buffer = new MemoryStream();
        XlsxWriter.WriteAsync(buffer, "Sheet1", rows.Select(r => (IReadOnlyList<string?>)r).ToAsyncEnumerable()).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

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

    static string RandomText(int length)
    {
        var random = new Random(7);
        return string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + r.Next(26)); });
    }

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "truncated", "booths.xlsx", "damaged or incomplete" },
        { "pdf", "booths.xlsx", "This is a PDF" },
        { "huge-cell", "booths.xlsx", "longer than 32767 characters" },
        { "windows-1252", "booths.csv", "not in UTF-8" },
        { "header-only", "booths.csv", "no rows to import" },
        { "zip-bomb", "booths.xlsx", "zip bomb" },
        { "empty", "booths.csv", "The file is empty" },
        { "no-header", "booths.csv", "No header row" },
    };

    static byte[] Broken(string kind) => kind switch
    {
        "truncated" => Xlsx(["District", "Mobile"], ["Jaipur", "9829012345"])[..300],
        "pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF"),
        "huge-cell" => Xlsx(["District", "Name", "Mobile"], ["Jaipur", RandomText(10 * 1024 * 1024), "9829012345"]),
        "windows-1252" => [.. Encoding.ASCII.GetBytes("District,Name,Mobile\nJaipur,Caf"), 0xE9, .. Encoding.ASCII.GetBytes(",9829012345\n")],
        "header-only" => ImportClient.Csv("District,Block,Mandal,Booth,Post,Name,Mobile\n"),
        "zip-bomb" => ZipBomb(),
        "empty" => [],
        _ => ImportClient.Csv("just,some,words\n1,2,3\n"),
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task ABrokenFileGetsAClearMessageAndChangesNothing(string kind, string name, string message)
    {
        var before = await app.WithDb(async db => (await db.ImportJobs.CountAsync(), await db.Units.CountAsync(), await db.People.CountAsync()));
        var response = await new ImportClient(admin).UploadAsync(name, Broken(kind));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDb(async db => (await db.ImportJobs.CountAsync(), await db.Units.CountAsync(), await db.People.CountAsync())));
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
            { new ByteArrayContent(Broken("pdf")), "Upload", "booths.xlsx" },
        };
        var response = await admin.PostAsync("/imports", content);
        await admin.GetAsync("/language/en?returnUrl=/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("यह PDF है", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AnExcelFileWithHindiHeadersBelowATitleRowImportsWithItsNumbersExact()
    {
        var tree = new Tree(admin);
        if (!await app.WithDb(db => db.Units.AnyAsync(u => u.NameHi == "जयपुर")))
            await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), "Jaipur", "जयपुर");
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("hindi-title-row.xlsx", await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Import/Files/hindi-title-row.xlsx")));
        var job = await imports.CommitAsync(id);
        Assert.Equal("Committed", job.GetProperty("state").GetString());
        Assert.Equal(2, job.GetProperty("creates").GetInt32());
        var people = await app.WithDb(db => db.People.Where(p => p.Mobile == "+919829011111" || p.Mobile == "+919829022222")
            .OrderBy(p => p.Mobile).Select(p => p.NameHi).ToListAsync());
        Assert.Equal(["गोपाल शर्मा", "राधा कुमारी"], people);
        Assert.True(await app.WithDb(db => db.Units.AnyAsync(u => u.NameHi == "बूथ 42" && u.PartNumber == 42)));
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
