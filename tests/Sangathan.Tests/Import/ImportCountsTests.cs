using Microsoft.EntityFrameworkCore;
using Sangathan.Organization;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>
/// A commit gives the units it creates their seat counters as it inserts them, and recounts only the saved units
/// above them: whatever it leaves must be what a recount of the whole tree finds.
/// </summary>
public sealed class ImportCountsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task TheCountersACommitLeavesAreWhatAFullRecountFinds()
    {
        var tree = new Tree(admin);
        var district = "Cnt" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "गिनती" + district[3..]);
        var rows = new List<string>();
        // Chunk one (500 rows) creates booths and their presidents, a seventh of them without a mobile; chunk two gives
        // some of those booths a secretary and committee members (one booth more than its 9 seats), and makes new booths.
        for (var i = 1; i <= 600; i++)
            rows.Add($"{district},Block {i % 2},Mandal {i % 5},{i},अध्यक्ष,President {i},{(i % 7 == 0 ? "" : Tree.RandomMobile())}");
        for (var i = 1; i <= 40; i++)
            rows.Add($"{district},Block {i % 2},Mandal {i % 5},{i},सचिव,Secretary {i},{Tree.RandomMobile()}");
        for (var n = 1; n <= 11; n++)
            rows.Add($"{district},Block 1,Mandal 1,1,समिति सदस्य,Committee {n},{Tree.RandomMobile()}");
        for (var i = 601; i <= 620; i++)
            rows.Add($"{district},Block 2,Mandal New,{i},अध्यक्ष,President {i},{Tree.RandomMobile()}");
        var file = ImportClient.Csv("जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर\n" + string.Join("\n", rows));
        var imports = new ImportClient(admin);

        var job = await imports.CommitAsync(await imports.UploadOkAsync("counts.csv", file));
        Assert.Equal("Committed", job.GetProperty("state").GetString());
        Assert.True(job.GetProperty("creates").GetInt32() >= 660, job.ToString());

        var left = await CountersAsync(district);
        await app.WithDb(db => UnitTally.RecountAllAsync(db));
        var recounted = await CountersAsync(district);
        Assert.Equal(recounted, left);
        // The test is about something: the district holds 620 booths' seats, some filled, some held without a mobile.
        var top = left.Single(u => u.Name == district);
        Assert.True(top.SubtreeFilled > 600 && top.SubtreeSeats > top.SubtreeFilled, top.ToString());
        Assert.True(left.Sum(u => u.WithoutMobile) >= 80, "presidents without a mobile are counted");
    }

    async Task<List<(string Name, int Seats, int Filled, int WithoutPhoto, int WithoutMobile, int SubtreeSeats, int SubtreeFilled)>> CountersAsync(string district) =>
        await app.WithDb(async db =>
        {
            var path = await db.Units.Where(u => u.NameEn == district).Select(u => u.Path).SingleAsync();
            var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(path)).OrderBy(u => u.Id).ToListAsync();
            return units.Select(u => (u.NameEn, u.Seats, u.SeatsFilled, u.HoldersWithoutPhoto, u.HoldersWithoutMobile, u.SubtreeSeats, u.SubtreeFilled)).ToList();
        });
}
