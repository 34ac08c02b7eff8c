using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>
/// A district office's sheet as a war room receives it (Files/messy-district.xlsx, made by make-files.py): headers with
/// abbreviation dots, nukta and chandrabindu variants and a serial column; mobiles as text in scientific notation (all
/// digits, or rounded), in Devanagari digits, with Excel's ".0"; invisible characters in names; a misspelt block; a new
/// mandal and booths; a post nobody set up; an e-mail without a dot in its domain; rows pasted twice at the end.
/// </summary>
public sealed class MessyFileTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    static readonly char[] Invisible = ['\u200b', '\u200c', '\u200d', '\u00a0', '\ufeff', '\u2060', '\u00ad'];

    async Task<(int Units, int People, int Appointments)> CountsAsync() =>
        await app.WithDb(async db => (await db.Units.CountAsync(), await db.People.CountAsync(), await db.Appointments.CountAsync()));

    static JsonElement Row(JsonElement job, int number) =>
        job.GetProperty("rowPage").EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == number);

    static List<(string Column, string? Value, string Problem, bool Note)> Problems(JsonElement row) =>
        row.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("column").GetString()!, p.GetProperty("value").GetString(),
            p.GetProperty("problem").GetString()!, p.GetProperty("note").GetBoolean())).ToList();

    [Fact]
    public async Task EveryRuleHoldsForTheMessiestSheetAndTheSameFileTwiceChangesNothing()
    {
        var tree = new Tree(admin);
        var district = await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), "Jaipur", "जयपुर");
        var block = await tree.UnitAsync(district, Tree.NewCode("B"), "Chomu City", "चौमूं शहर");
        var file = ImportFileTests.Committed("messy-district.xlsx");
        var imports = new ImportClient(admin);
        var before = await CountsAsync();

        var id = await imports.UploadOkAsync("messy-district.xlsx", file);
        var job = await imports.SettledAsync(id);
        // Every header is recognized, "मोबाइल नं." among them; the serial and father's name columns are left out without asking.
        Assert.Equal("Checked", job.GetProperty("state").GetString());
        var fields = job.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("header").GetString()!, c => c.GetProperty("field").GetString());
        Assert.Equal("mobile", fields["मोबाइल नं."]);
        Assert.Equal("district", fields["ज़िला"]);
        Assert.Equal("block", fields["ब्लाक"]);
        Assert.Equal("mandal", fields["मण्डल"]);
        Assert.Equal("booth", fields["बूथ नं."]);
        Assert.Equal("email", fields["ई-मेल"]);
        Assert.Equal("village", fields["गाँव"]);
        Assert.Equal("facebook", fields["फ़ेसबुक"]);
        Assert.Null(fields["क्र.सं."]);
        Assert.Null(fields["पिता का नाम"]);

        Assert.Equal(11, job.GetProperty("rows").GetInt32());
        Assert.Equal((6, 0, 0, 3, 2), Counters(job));
        Assert.Equal(before, await CountsAsync());

        // A mobile in scientific notation with all ten digits is read, and said to be; a misspelt block is read as the one on record.
        var geeta = Problems(Row(job, 4));
        Assert.Equal("Create", Row(job, 4).GetProperty("planned").GetString());
        Assert.All(geeta, p => Assert.True(p.Note));
        Assert.Contains(geeta, p => p.Column == "मोबाइल नं." && p.Problem.Contains("+919829012345"));
        Assert.Contains(geeta, p => p.Column == "ब्लाक" && p.Problem.Contains("चौमूं शहर"));
        // Devanagari digits are a mobile; an address with no dot in its domain is refused as a mail server would.
        var ramesh = Problems(Row(job, 5)).Where(p => !p.Note).ToList();
        Assert.Equal("Reject", Row(job, 5).GetProperty("planned").GetString());
        Assert.Equal(("ई-मेल", "ramesh@gmail"), Assert.Single(ramesh) is var e ? (e.Column, e.Value) : default);
        // A mantissa that lost digits is refused, with the reason.
        var rounded = Assert.Single(Problems(Row(job, 8)), p => !p.Note);
        Assert.Equal("9.8290E+09", rounded.Value);
        Assert.Contains("Excel", rounded.Problem);
        // A post no level has is refused, and offered to the administrator once, with the rows it holds up.
        Assert.Contains(Problems(Row(job, 10)), p => !p.Note && p.Problem.Contains("मीडिया प्रभारी"));
        // Rows pasted again at the end are duplicates of the rows they repeat.
        Assert.Equal("Duplicate", Row(job, 13).GetProperty("planned").GetString());
        Assert.Contains(Problems(Row(job, 13)), p => p.Problem == "This row repeats row 6.");
        Assert.Contains(Problems(Row(job, 14)), p => p.Problem == "This row repeats row 9.");
        // The person of row 4 again, with another village: the first row's details stay, and the row says so.
        Assert.Equal("Create", Row(job, 11).GetProperty("planned").GetString());
        Assert.Contains(Problems(Row(job, 11)), p => p.Note && p.Problem.Contains("row 4"));

        var proposals = job.GetProperty("proposals").EnumerateArray().ToList();
        Assert.Equal(1, job.GetProperty("newPosts").GetInt32());
        Assert.Contains(proposals, p => p.GetProperty("kind").GetString() == "NewPost" && p.GetProperty("written").GetString() == "मीडिया प्रभारी");
        var misspelt = Assert.Single(proposals, p => p.GetProperty("written").GetString() == "चोमू शहर");
        Assert.Equal("UseNear", misspelt.GetProperty("choice").GetString());
        Assert.Contains("चौमूं शहर", misspelt.GetProperty("near").GetString());
        var mandal = Assert.Single(proposals, p => p.GetProperty("written").GetString() == "मंडल एक");
        Assert.Equal("Undecided", mandal.GetProperty("choice").GetString());
        Assert.Equal(JsonValueKind.Null, mandal.GetProperty("near").ValueKind);

        var committed = await imports.CommitAsync(id);
        Assert.Equal("Committed", committed.GetProperty("state").GetString());
        Assert.Equal((6, 0, 0, 3, 2), Counters(committed));
        var after = await CountsAsync();
        // A mandal and two booths (the third's only row was refused); five people, six appointments; no new block.
        Assert.Equal((before.Units + 3, before.People + 5, before.Appointments + 6), after);
        await app.WithDb(async db =>
        {
            Assert.Equal(1, await db.Units.CountAsync(u => u.ParentId == district));
            var people = await db.People.AsNoTracking().ToListAsync();
            var g = people.Single(p => p.Mobile == "+919829012345");
            Assert.Equal(("Geeta Jat", "गीता जाट"), (g.NameEn, g.NameHi));
            Assert.Equal(("geeta.jat@gmail.com", "चौमूं", "fb.com/geetajat"), (g.Email, g.Village, g.Facebook));
            var s = people.Single(p => p.Mobile == "+919829012347");
            Assert.Equal(("Suresh Saini", "Suresh.Saini@example.in"), (s.NameEn, s.Email));
            Assert.Contains(s.NameHi, c => c is >= '\u0900' and <= '\u097f');
            Assert.Equal("फ़ातिमा ख़ान".Normalize(NormalizationForm.FormC), people.Single(p => p.Mobile == "+919829012348").NameHi);
            var mohan = people.Single(p => p.NameHi == "मोहन लाल");
            Assert.Equal(("Mohan Lal", null), (mohan.NameEn, mohan.Mobile));
            Assert.Equal(("Vijay Singh", "विजय सिंह"), people.Single(p => p.Mobile == "+919829012351") is var v ? (v.NameEn, v.NameHi) : default);
            Assert.DoesNotContain(people, p => p.Mobile == "+919829012346");
            Assert.True(await db.Appointments.AnyAsync(a => a.PersonId == mohan.Id && a.UnitId == block && a.Until == null));
            // Every name and village stored without invisible characters, in NFC.
            var units = await db.Units.AsNoTracking().Select(u => new[] { u.NameEn, u.NameHi }).ToListAsync();
            foreach (var text in people.SelectMany(p => new[] { p.NameEn, p.NameHi, p.Village ?? "" }).Concat(units.SelectMany(u => u)))
            {
                Assert.True(text.IndexOfAny(Invisible) < 0, $"invisible character kept in \"{text}\"");
                Assert.True(text.IsNormalized(NormalizationForm.FormC), $"not NFC: \"{text}\"");
            }
        });

        // The same file again plans no change, and committing it changes nothing.
        var again = await imports.UploadOkAsync("messy-district.xlsx", file);
        var second = await imports.SettledAsync(again);
        Assert.Equal((0, 0, 6, 3, 2), Counters(second));
        Assert.Equal(after, await CountsAsync());
        var secondCommit = await imports.CommitAsync(again);
        Assert.Equal((0, 0, 6, 3, 2), Counters(secondCommit));
        Assert.Equal(after, await CountsAsync());
        Assert.Contains("Nothing changed", await admin.GetStringAsync($"/imports/{again}"));
    }

    [Fact]
    public async Task ANewUnitIsMadeOnlyWhenTheUploaderChoosesToMakeIt()
    {
        var tree = new Tree(admin);
        var suffix = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var district = "Dn" + suffix;
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "जिला" + suffix);
        var block = "Bk" + suffix;
        var file = ImportClient.Csv($"District,Block,Post,Name,Mobile\n{district},{block},President,Kamla Devi,{Tree.RandomMobile()[3..]}\n");
        var imports = new ImportClient(admin);

        var first = await imports.UploadOkAsync("new-block.csv", file);
        var check = await imports.SettledAsync(first);
        // The dry run shows the row as it would go once the block is made, says it waits for a choice, and lists the block.
        Assert.Equal("Create", Row(check, 2).GetProperty("planned").GetString());
        Assert.Contains(Problems(Row(check, 2)), p => p.Note && p.Problem.Contains(block));
        var proposal = Assert.Single(check.GetProperty("proposals").EnumerateArray());
        Assert.Equal(block, proposal.GetProperty("written").GetString());

        var unchosen = await imports.CommitAsync(first, makeAll: false, include: []);
        Assert.Equal(1, unchosen.GetProperty("rejected").GetInt32());
        Assert.Contains(Problems(Row(unchosen, 2)), p => !p.Note && p.Problem.Contains(block));
        Assert.False(await app.WithDb(db => db.Units.AnyAsync(u => u.NameEn == block)));

        var second = await imports.UploadOkAsync("new-block.csv", file);
        var id = (await imports.SettledAsync(second)).GetProperty("proposals")[0].GetProperty("id").GetInt64();
        var chosen = await imports.CommitAsync(second, makeAll: false, include: [], make: [id]);
        Assert.Equal(1, chosen.GetProperty("creates").GetInt32());
        Assert.True(await app.WithDb(db => db.Units.AnyAsync(u => u.NameEn == block)));
    }

    [Fact]
    public async Task ABlockALetterAwayIsReadAsTheOneOnRecordUnlessChosenToBeANewOne()
    {
        var tree = new Tree(admin);
        var suffix = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var district = "Dt" + suffix;
        var districtId = await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "ज़िला" + suffix);
        var onRecord = await tree.UnitAsync(districtId, Tree.NewCode("B"), "Rampura" + suffix, "रामपुरा" + suffix);
        var file = ImportClient.Csv($"District,Block,Post,Name,Mobile\n{district},Rampur{suffix},Treasurer,Om Prakash,{Tree.RandomMobile()[3..]}\n");
        var imports = new ImportClient(admin);

        var read = await imports.CommitAsync(await imports.UploadOkAsync("near.csv", file), makeAll: true, include: []);
        Assert.Equal(1, read.GetProperty("creates").GetInt32());
        Assert.Equal(1, await app.WithDb(db => db.Units.CountAsync(u => u.ParentId == districtId)));
        Assert.True(await app.WithDb(db => db.Appointments.AnyAsync(a => a.UnitId == onRecord)));

        var other = ImportClient.Csv($"District,Block,Post,Name,Mobile\n{district},Rampur{suffix},President,Kamla Devi,{Tree.RandomMobile()[3..]}\n");
        var upload = await imports.UploadOkAsync("near-other.csv", other);
        var near = (await imports.SettledAsync(upload)).GetProperty("proposals")[0];
        Assert.Contains("Rampura" + suffix, near.GetProperty("near").GetString());
        await imports.CommitAsync(upload, makeAll: false, include: [], make: [near.GetProperty("id").GetInt64()]);
        Assert.Equal(2, await app.WithDb(db => db.Units.CountAsync(u => u.ParentId == districtId)));
    }

    static (int Creates, int Updates, int Unchanged, int Rejected, int Duplicates) Counters(JsonElement job) =>
        (job.GetProperty("creates").GetInt32(), job.GetProperty("updates").GetInt32(), job.GetProperty("unchanged").GetInt32(),
            job.GetProperty("rejected").GetInt32(), job.GetProperty("duplicates").GetInt32());
}
