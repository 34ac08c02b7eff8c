using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

public sealed class ImportPipelineTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    async Task<(string District, string DistrictHi)> DistrictAsync()
    {
        var tree = new Tree(admin);
        var name = "Imp" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), name, "इंपोर्ट" + name[3..]);
        return (name, "इंपोर्ट" + name[3..]);
    }

    static string BoothFile(string district, string mobile1, string mobile2) => $"""
        Rajasthan PCC — booth presidents,,,,,,
        ,,,,,,
        जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर
        {district},Sanganer,Mandal Ek,12,अध्यक्ष,रामलाल मीणा,{mobile1}
        {district},Sanganer,Mandal Ek,13,अध्यक्ष,सीता देवी,"{mobile2}"
        {district},Sanganer,Mandal Ek,14,अध्यक्ष,गलत नंबर,9.829E+09
        """;

    async Task<(int Units, int People, int Appointments)> CountsAsync() =>
        await app.WithDb(async db => (await db.Units.CountAsync(), await db.People.CountAsync(), await db.Appointments.CountAsync()));

    [Fact]
    public async Task ACheckSavesNothingTheCommitSavesTheValidRowsAndTheSameFileAgainChangesNothing()
    {
        var (district, _) = await DistrictAsync();
        var m1 = Tree.RandomMobile();
        var m2 = Tree.RandomMobile();
        var file = ImportClient.Csv(BoothFile(district, $"{m1[3..8]} {m1[8..]}", $"+91-{m2[3..8]}-{m2[8..]}"));
        var imports = new ImportClient(admin);
        var before = await CountsAsync();

        var id = await imports.UploadOkAsync("booths.csv", file);
        var checkedJob = await imports.SettledAsync(id);
        Assert.Equal("Checked", checkedJob.GetProperty("state").GetString());
        Assert.Equal(3, checkedJob.GetProperty("rows").GetInt32());
        Assert.Equal(2, checkedJob.GetProperty("creates").GetInt32());
        Assert.Equal(1, checkedJob.GetProperty("rejected").GetInt32());
        Assert.Equal(before, await CountsAsync());
        var rejected = checkedJob.GetProperty("rowPage").EnumerateArray().Single(r => r.GetProperty("planned").GetString() == "Reject");
        Assert.Equal(6, rejected.GetProperty("number").GetInt32());
        var problem = rejected.GetProperty("problems")[0];
        Assert.Equal("मोबाइल नंबर", problem.GetProperty("column").GetString());
        Assert.Equal("9.829E+09", problem.GetProperty("value").GetString());
        Assert.Contains("Excel", problem.GetProperty("problem").GetString());

        var committed = await imports.CommitAsync(id);
        Assert.Equal("Committed", committed.GetProperty("state").GetString());
        var after = await CountsAsync();
        // A block, a mandal and two booths; two presidents, each in their post.
        Assert.Equal((before.Units + 4, before.People + 2, before.Appointments + 2), after);
        var booth = await app.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.PartNumber == 12 && u.NameEn == "Booth 12" && u.Path.Contains("/")
            && db.Appointments.Any(a => a.UnitId == u.Id && db.People.Any(p => p.Id == a.PersonId && p.Mobile == m1))));
        Assert.Equal("बूथ 12", booth.NameHi);

        var again = await imports.UploadOkAsync("booths.csv", file);
        var second = await imports.CommitAsync(again);
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("creates").GetInt32() + second.GetProperty("updates").GetInt32());
        Assert.Equal(after, await CountsAsync());
        var page = await admin.GetStringAsync($"/imports/{again}");
        Assert.Contains("Nothing changed", page);
    }

    [Fact]
    public async Task AUnitFirstNamedByARejectedRowIsStillMadeForTheValidRowsUnderIt()
    {
        var (district, _) = await DistrictAsync();
        var (m1, m2) = (Tree.RandomMobile(), Tree.RandomMobile());
        // The first row names the new block and mandal, and is rejected for its mobile; the two after it are valid.
        var file = ImportClient.Csv($"""
            जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर
            {district},Naya Block,Mandal Ek,1,अध्यक्ष,गलत नंबर,9.829E+09
            {district},Naya Block,Mandal Ek,2,अध्यक्ष,रामलाल मीणा,{m1}
            {district},Naya Block,Mandal Ek,3,अध्यक्ष,सीता देवी,{m2}
            """);
        var imports = new ImportClient(admin);
        var before = await CountsAsync();

        var committed = await imports.CommitAsync(await imports.UploadOkAsync("booths.csv", file));

        Assert.Equal("Committed", committed.GetProperty("state").GetString());
        Assert.Equal((2, 1), (committed.GetProperty("creates").GetInt32(), committed.GetProperty("rejected").GetInt32()));
        // The block, the mandal and the two valid rows' booths; not the rejected row's booth.
        Assert.Equal((before.Units + 4, before.People + 2, before.Appointments + 2), await CountsAsync());
        var booths = await app.WithDb(db => db.Units.Where(u => u.Path.StartsWith(db.Units.Single(d => d.NameEn == district).Path) && u.PartNumber != null)
            .Select(u => u.PartNumber).OrderBy(n => n).ToListAsync());
        Assert.Equal([2, 3], booths);
    }

    [Fact]
    public async Task DistrictsAndBlocksSpelledAnotherWayAreFoundNotMadeTwice()
    {
        // Letters only: a name with digits is never matched one letter away.
        var suffix = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('k' + Convert.ToInt32(c.ToString(), 16))));
        var tree = new Tree(admin);
        var state = await tree.StateAsync();
        var chittor = await tree.UnitAsync(state, Tree.NewCode("D"), $"Chittorgarh {suffix}", $"चित्तौड़गढ़ {suffix}");
        var jhalawar = await tree.UnitAsync(state, Tree.NewCode("D"), $"Jhalawar {suffix}", $"झालावाड़ {suffix}");
        var file = ImportClient.Csv($"""
            जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर
            Chittaurgarh {suffix},Sanganer,Mandal Ek,1,अध्यक्ष,रामलाल मीणा,{Tree.RandomMobile()}
            chittorgarh  {suffix.ToUpperInvariant()},Saanganer,Mandal Ek,2,अध्यक्ष,सीता देवी,{Tree.RandomMobile()}
            चित्तोडगढ {suffix},Sanganer,Mandal Do,3,अध्यक्ष,गोपाल शर्मा,{Tree.RandomMobile()}
            Jhalawad {suffix},Pirawa,Mandal Ek,1,अध्यक्ष,मोहन लाल,{Tree.RandomMobile()}
            JHALAVAR {suffix},Pirawa,Mandal Ek,2,अध्यक्ष,मोहन लाल दो,{Tree.RandomMobile()}
            """);
        var imports = new ImportClient(admin);
        var job = await imports.CommitAsync(await imports.UploadOkAsync("spellings.csv", file));

        Assert.Equal("Committed", job.GetProperty("state").GetString());
        Assert.Equal(0, job.GetProperty("rejected").GetInt32());
        var under = await app.WithDb(async db =>
        {
            var below = await db.Units.Where(u => u.RegionId == chittor || u.RegionId == jhalawar).Where(u => u.Depth > 1)
                .Select(u => new { u.RegionId, u.Depth }).ToListAsync();
            Dictionary<int, int> Levels(int region) =>
                below.Where(u => u.RegionId == region).GroupBy(u => u.Depth).ToDictionary(g => g.Key, g => g.Count());
            return (Chittor: Levels(chittor), Jhalawar: Levels(jhalawar));
        });
        // One block Sanganer however spelled, its two mandals, three booths; the misspelled district took its rows.
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = 2, [4] = 3 }, under.Chittor);
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = 1, [4] = 2 }, under.Jhalawar);
    }

    [Fact]
    public async Task TheReportListsEachProblemWithItsRowColumnAndValueInHindi()
    {
        var (district, _) = await DistrictAsync();
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("booths.csv", ImportClient.Csv(BoothFile(district, Tree.RandomMobile(), Tree.RandomMobile())));
        await imports.SettledAsync(id);
        await admin.GetAsync("/language/hi?returnUrl=/");
        var bytes = await admin.GetByteArrayAsync($"/api/v1/imports/{id}/report.xlsx");
        await admin.GetAsync("/language/en?returnUrl=/");
        var rows = Sangathan.Import.TableReader.Read(bytes, new Sangathan.Import.ImportOptions()).ToList();
        Assert.True(rows[0].Cells[1] == "पंक्ति", string.Join("|", rows[0].Cells));
        // The row's problem comes first, then its note (the new block waits for a choice).
        var bad = rows.First(r => r.Cells[1] == "6");
        Assert.Equal(["6", "अस्वीकृत", "मोबाइल नंबर", "9.829E+09"], bad.Cells.Skip(1).Take(4));
        Assert.Contains("Excel", bad.Cells[5]);
    }

    [Fact]
    public async Task ASecondNameForAKnownMobileWaitsForADecision()
    {
        var (district, _) = await DistrictAsync();
        var mobile = Tree.RandomMobile();
        var file = ImportClient.Csv($"""
            District,Block,Mandal,Booth,Post,Name,Mobile
            {district},Chaksu,Mandal Do,21,President,Mohan Lal,{mobile}
            {district},Chaksu,Mandal Do,22,President,Sohan Lal,{mobile}
            """);
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("dupes.csv", file);
        var job = await imports.SettledAsync(id);
        Assert.Equal(1, job.GetProperty("duplicates").GetInt32());
        var dupe = job.GetProperty("rowPage").EnumerateArray().Single(r => r.GetProperty("planned").GetString() == "Duplicate");
        Assert.Equal(3, dupe.GetProperty("number").GetInt32());
        Assert.Contains("Row 2", dupe.GetProperty("problems")[0].GetProperty("problem").GetString());

        var done = await imports.CommitAsync(id);
        Assert.Equal(1, done.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.Mobile == mobile)));
    }

    [Fact]
    public async Task VoterIdsAreCheckedAndOneSharedByTwoNamesInTheFileOrTheDatabaseWaitsForADecision()
    {
        var (district, _) = await DistrictAsync();
        string Epic() => "RJX" + Random.Shared.Next(1000000, 9999999);
        var (known, inFile) = (Epic(), Epic());
        var tree = new Tree(admin);
        var made = await admin.PostAsJsonAsync("/api/v1/people", new { nameEn = "Gopal Sharma", nameHi = "गोपाल शर्मा", voterId = known });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var file = ImportClient.Csv($"""
            District,Block,Mandal,Booth,Post,Name,Voter ID
            {district},Dudu,Mandal Teen,31,President,Hari Singh,{inFile.ToLowerInvariant()}
            {district},Dudu,Mandal Teen,32,President,Hari Ram,{inFile}
            {district},Dudu,Mandal Teen,33,President,Bhola Nath,{known}
            {district},Dudu,Mandal Teen,34,President,Shyam Lal,RJ-123
            """);
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("voters.csv", file);
        var job = await imports.SettledAsync(id);
        var rows = job.GetProperty("rowPage").EnumerateArray().ToDictionary(r => r.GetProperty("number").GetInt32());
        Assert.Equal("Create", rows[2].GetProperty("planned").GetString());
        Assert.Equal("Duplicate", rows[3].GetProperty("planned").GetString());
        Assert.Contains("Row 2", rows[3].GetProperty("problems")[0].GetProperty("problem").GetString());
        Assert.Equal("Duplicate", rows[4].GetProperty("planned").GetString());
        Assert.Contains("Gopal Sharma", rows[4].GetProperty("problems")[0].GetProperty("problem").GetString());
        Assert.Equal("Reject", rows[5].GetProperty("planned").GetString());
        Assert.Equal("Voter ID", rows[5].GetProperty("problems")[0].GetProperty("column").GetString());

        await imports.CommitAsync(id);
        Assert.Equal("Hari Singh", await app.WithDb(db => db.People.Where(p => p.VoterId == inFile).Select(p => p.NameEn).SingleAsync()));
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.VoterId == known)));
    }

    [Fact]
    public async Task BoothsNamedByAPollingStationColumnAreFoundAgainHoweverTheyAreNumbered()
    {
        var (district, _) = await DistrictAsync();
        var file = ImportClient.Csv($"""
            District,Block,Mandal,Booth,Polling station,मतदान केंद्र,Post,Name,Mobile
            {district},Phagi,Mandal Char,41,"Govt. School, Renwal (Room 1)","राजकीय विद्यालय, रेनवाल (कक्ष 1)",President,Kanhaiya Lal,{Tree.RandomMobile()}
            {district},Phagi,Mandal Char,10041,"Govt. School, Renwal (Room 2)","राजकीय विद्यालय, रेनवाल (कक्ष 2)",President,Banwari Lal,{Tree.RandomMobile()}
            """);
        var imports = new ImportClient(admin);
        var first = await imports.CommitAsync(await imports.UploadOkAsync("stations.csv", file));
        Assert.Equal(2, first.GetProperty("creates").GetInt32());
        var before = await CountsAsync();

        var second = await imports.CommitAsync(await imports.UploadOkAsync("stations.csv", file));
        Assert.Equal("Committed", second.GetProperty("state").GetString());
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("units")]
    [InlineData("people")]
    [InlineData("appointments")]
    public async Task EveryTemplateDownloadsWithEnglishAndHindiHeaders(string kind)
    {
        var response = await admin.GetAsync($"/api/v1/imports/templates/{kind}.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains(kind == "units" ? "Unit code / इकाई कोड" : "Name English / नाम अंग्रेजी", sheet);
        if (kind == "people") Assert.Contains("Voter ID / मतदाता पहचान पत्र", sheet);
    }

    [Fact]
    public async Task RowsOutsideTheUploadersJurisdictionAreRejected()
    {
        var (mine, _) = await DistrictAsync();
        var (theirs, _) = await DistrictAsync();
        var tree = new Tree(admin);
        var root = await tree.UnitJsonAsync((await admin.GetFromJsonAsync<JsonElement>("/api/v1/units/root")).GetProperty("unit").GetProperty("id").GetInt32());
        var mineId = await app.WithDb(db => db.Units.Where(u => u.NameEn == mine).Select(u => u.Id).SingleAsync());
        await tree.AppointAsync(mineId, await tree.PostIdAsync("district", "president"), "Zila Adhyaksh", "ज़िला अध्यक्ष", Tree.RandomMobile());
        var president = await app.WithDb(db => db.People.Where(p => p.NameEn == "Zila Adhyaksh").OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var imports = new ImportClient(app.CreatePersonClient(president));
        var id = await imports.UploadOkAsync("two.csv", ImportClient.Csv($"""
            District,Block,Mandal,Booth,Post,Name,Mobile
            {mine},Bassi,Mandal Teen,31,President,Apna Aadmi,{Tree.RandomMobile()}
            {theirs},Bassi,Mandal Teen,31,President,Paraya Aadmi,{Tree.RandomMobile()}
            """));
        var job = await imports.SettledAsync(id);
        Assert.Equal(1, job.GetProperty("creates").GetInt32());
        var outside = job.GetProperty("rowPage").EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == 3);
        Assert.Equal("Reject", outside.GetProperty("planned").GetString());
        Assert.Contains("outside your jurisdiction", outside.GetProperty("problems")[0].GetProperty("problem").GetString());
        Assert.NotEqual(JsonValueKind.Undefined, root.ValueKind);
    }

    [Fact]
    public async Task AnotherUsersImportIsNotFound()
    {
        var (district, _) = await DistrictAsync();
        var id = await new ImportClient(admin).UploadOkAsync("mine.csv", ImportClient.Csv(BoothFile(district, Tree.RandomMobile(), Tree.RandomMobile())));
        var other = app.CreateStaffClient("auditor");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{id}/report.xlsx")).StatusCode);
    }
}
