using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Dashboards;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Dashboards;

/// <summary>
/// The war room's dashboards over HTTP, on tallies the fold made from members written as enrollment writes them: the
/// drive (figures, breakdowns, units below, enrollers ranked, the target), booth coverage against expected booths,
/// completeness counting the units that are not on record, the daily snapshot and its lease.
/// </summary>
public sealed class DashboardTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);

    [Fact]
    public async Task ADistrictWithNoBlocksOnRecordIsZeroPercentForBlocksAndAStatedCountMakesTheRestMissing()
    {
        var state = await Tree.StateAsync();
        var district = await Tree.UnitAsync(state, Tree.NewCode("D"), "Pali", "पाली");
        await Tree.AppointAsync(district, await Tree.PostIdAsync("district", "president"), "Pali President", "पाली अध्यक्ष");

        var data = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/completeness?unitId={district}");
        var blocks = Level(data, "block");
        Assert.Equal(0, blocks.GetProperty("units").GetInt32());
        Assert.Equal(0, blocks.GetProperty("percent").GetInt32());
        Assert.True(blocks.GetProperty("missing").GetInt32() >= 1);
        var region = Assert.Single(data.GetProperty("regions").EnumerateArray());
        Assert.True(region.GetProperty("percent").GetInt32() < Level(data, "district").GetProperty("percent").GetInt32());

        // The war room says the district has 10 blocks: one on record with its president leaves nine missing.
        var blockLevel = await LevelIdAsync("block");
        var put = await admin.PutAsJsonAsync($"/api/v1/units/{district}/expected-units", new { counts = new Dictionary<int, int?> { [blockLevel] = 10 } });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var block = await Tree.UnitAsync(district, Tree.NewCode("B"), "Pali Block", "पाली ब्लॉक");
        await Tree.AppointAsync(block, await Tree.PostIdAsync("block", "president"), "Block Head", "ब्लॉक अध्यक्ष");
        blocks = Level(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/completeness?unitId={district}"), "block");
        Assert.Equal((1, 10, 9, 10), (blocks.GetProperty("units").GetInt32(), blocks.GetProperty("expected").GetInt32(),
            blocks.GetProperty("missing").GetInt32(), blocks.GetProperty("unitsPercent").GetInt32()));

        var page = await admin.GetStringAsync($"/completeness?unit={district}");
        Assert.Contains($"/vacancies?level={blockLevel}&unit={district}", page);
    }

    [Fact]
    public async Task TheDriveShowsMembersAgainstTheTargetByStatusCategoryAndGenderWithUnitsAndEnrollersRanked()
    {
        var (district, block, mandal, booth) = await Tree.BranchAsync("Sikar", "सीकर");
        var block2 = await Tree.UnitAsync(district, Tree.NewCode("B"), "Sikar Block 2", "सीकर ब्लॉक 2");
        var mandal2 = await Tree.UnitAsync(block2, Tree.NewCode("M"), "Sikar Mandal 2", "सीकर मंडल 2");
        var booth2 = await Tree.UnitAsync(mandal2, Tree.NewCode("P"), "Sikar Booth 2", "सीकर बूथ 2");
        var enrollerA = await PersonAsync(booth, "booth", "Asha Enroller", "आशा");
        var enrollerB = await PersonAsync(booth2, "booth", "Bhanu Enroller", "भानु");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Asha: 4 members, 3 verified (2 women), 1 flagged; Bhanu: 2 members awaiting their mobile's confirmation.
        await AddMembersAsync(booth, enrollerA, today, [(MemberStatus.Verified, Gender.Female, "sc"), (MemberStatus.Verified, Gender.Female, "obc"),
            (MemberStatus.Verified, Gender.Male, "obc"), (MemberStatus.Pending, Gender.Male, "general")], flagFirst: true);
        await AddMembersAsync(booth2, enrollerB, today.AddDays(-1), [(MemberStatus.Unconfirmed, Gender.Male, "general"), (MemberStatus.Unconfirmed, Gender.Female, "st")]);
        await FoldAllAsync();

        var put = await admin.PutAsJsonAsync($"/api/v1/units/{district}/goal", new { members = 60, from = today.AddDays(-29), until = today.AddDays(30) });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        await admin.PutAsJsonAsync($"/api/v1/units/{block}/goal", new { members = 8, from = today.AddDays(-10), until = today.AddDays(10) });
        await admin.PutAsJsonAsync($"/api/v1/units/{block2}/goal", new { members = 10, from = today.AddDays(-10), until = today.AddDays(10) });

        var d = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{district}/drive");
        var f = d.GetProperty("figures");
        Assert.Equal((6, 3, 1, 6), (f.GetProperty("joined").GetInt64(), f.GetProperty("verified").GetInt64(), f.GetProperty("flagged").GetInt64(), f.GetProperty("members").GetInt64()));
        Assert.Equal(17, f.GetProperty("flaggedPercent").GetInt32());
        Assert.Equal(30, d.GetProperty("expectedToday").GetInt64());
        Assert.Equal(10, d.GetProperty("targetPercent").GetInt32());
        Assert.Equal(3, Count(d, "byGender", "female"));
        Assert.Equal(2, Count(d, "byCategory", "obc"));
        Assert.Equal(2, Count(d, "byStatus", "unconfirmed"));
        Assert.Equal(30, d.GetProperty("days").GetArrayLength());
        Assert.Equal(4, d.GetProperty("days").EnumerateArray().Last().GetProperty("joined").GetInt64());

        // Block 1 (4 of 8: 50%) ahead of block 2 (2 of 10: 20%).
        var below = d.GetProperty("below").EnumerateArray().ToList();
        Assert.Equal([block, block2], below.Select(b => b.GetProperty("id").GetInt32()));
        Assert.Equal([50, 20], below.Select(b => b.GetProperty("percent").GetInt32()));
        var enrollers = d.GetProperty("enrollers").EnumerateArray().ToList();
        Assert.Equal([enrollerA, enrollerB], enrollers.Select(e => e.GetProperty("personId").GetInt32()));
        Assert.Equal((100, 75, 25), (enrollers[0].GetProperty("confirmedPercent").GetInt32(), enrollers[0].GetProperty("verifiedPercent").GetInt32(),
            enrollers[0].GetProperty("flaggedPercent").GetInt32()));
        Assert.Equal(0, enrollers[1].GetProperty("confirmedPercent").GetInt32());

        // Drill down to the booth in a tap; the page and its workbook.
        var page = await admin.GetStringAsync($"/units/{district}/drive");
        Assert.Contains($"href=\"/units/{block}/drive\"", page);
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("Asha Enroller", page);
        var blockPage = await admin.GetStringAsync($"/units/{mandal}/drive");
        Assert.Contains($"href=\"/units/{booth}/drive\"", blockPage);
        var xlsx = await admin.GetAsync($"/units/{district}/drive?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var summary = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("<v>6</v>", summary);
        Assert.Contains("state=\"frozen\"", summary);
        Assert.Contains("<autoFilter", summary);
    }

    [Fact]
    public async Task BoothCoverageCountsFullCommitteesOfficeBearersAndVerifiedMembersAgainstTheBoothsExpected()
    {
        var (district, _, mandal, booth) = await Tree.BranchAsync("Churu", "चूरू");
        var booth2 = await Tree.UnitAsync(mandal, Tree.NewCode("P"), "Churu Booth 2", "चूरू बूथ 2");
        var posts = await BoothPostsAsync();
        foreach (var (post, seats) in posts)
            for (var s = 0; s < seats; s++) await Tree.AppointAsync(booth, post, $"Member {post}-{s}", $"सदस्य {post}-{s}");
        await Tree.AppointAsync(booth2, posts[0].Post, "Booth Two President", "बूथ दो अध्यक्ष");
        var enroller = await app.WithDb(db => db.Appointments.Where(a => a.UnitId == booth).Select(a => a.PersonId).FirstAsync());
        await AddMembersAsync(booth, enroller, DateOnly.FromDateTime(DateTime.UtcNow), [.. Enumerable.Repeat((MemberStatus.Verified, Gender.Male, "general"), 3)]);
        await FoldAllAsync();
        await admin.PutAsJsonAsync($"/api/v1/units/{district}/goal", new { verifiedPerBooth = 3 });
        var boothLevel = await LevelIdAsync("booth");
        await admin.PutAsJsonAsync($"/api/v1/units/{district}/expected-units", new { counts = new Dictionary<int, int?> { [boothLevel] = 4 } });

        var c = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{district}/coverage?cut=Units");
        var t = c.GetProperty("total");
        Assert.Equal((2, 4, 1, 2, 1), (t.GetProperty("booths").GetInt32(), t.GetProperty("of").GetInt32(), t.GetProperty("full").GetInt32(),
            t.GetProperty("withBearer").GetInt32(), t.GetProperty("covered").GetInt32()));
        Assert.Equal((25, 50, 25), (t.GetProperty("fullPercent").GetInt32(), t.GetProperty("withBearerPercent").GetInt32(), t.GetProperty("coveredPercent").GetInt32()));
        Assert.Equal(3, c.GetProperty("verifiedPerBooth").GetInt32());

        // A block with no booth on record is a row of its own, missing its booths, and comes first as the weakest.
        var bare = await Tree.UnitAsync(district, Tree.NewCode("B"), "Churu Bare Block", "चूरू खाली ब्लॉक");
        var byBlock = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{district}/coverage?cut=Units");
        var first = byBlock.GetProperty("rows")[0];
        Assert.Equal(2, byBlock.GetProperty("rows").GetArrayLength());
        Assert.Equal((bare, 0, 1, 1, 0), (first.GetProperty("id").GetInt32(), first.GetProperty("booths").GetInt32(), first.GetProperty("of").GetInt32(),
            first.GetProperty("missing").GetInt32(), first.GetProperty("coveredPercent").GetInt32()));

        var booths = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{mandal}/coverage");
        Assert.Equal(2, booths.GetProperty("rows").GetArrayLength());
        var page = await admin.GetStringAsync($"/units/{district}/coverage?cut=Units");
        Assert.Contains("25%", page);
    }

    [Fact]
    public async Task OneServerTakesTheSnapshotLeaseAndTheSnapshotFeedsTheVerifiedLine()
    {
        var (district, _, _, booth) = await Tree.BranchAsync("Tonk", "टोंक");
        var enroller = await PersonAsync(booth, "booth", "Tonk Enroller", "टोंक");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddMembersAsync(booth, enroller, today, [(MemberStatus.Verified, Gender.Male, "general"), (MemberStatus.Verified, Gender.Female, "general")]);
        await FoldAllAsync();

        var now = DateTime.UtcNow;
        var lease = $"test-{Guid.NewGuid():N}";
        Assert.True(await app.WithDb(db => Leases.TryTakeAsync(db, lease, "server-a", TimeSpan.FromMinutes(5), now, default)));
        Assert.False(await app.WithDb(db => Leases.TryTakeAsync(db, lease, "server-b", TimeSpan.FromMinutes(5), now, default)));
        Assert.True(await app.WithDb(db => Leases.TryTakeAsync(db, lease, "server-a", TimeSpan.FromMinutes(5), now.AddMinutes(1), default)));
        Assert.True(await app.WithDb(db => Leases.TryTakeAsync(db, lease, "server-b", TimeSpan.FromMinutes(5), now.AddMinutes(7), default)));

        await app.WithDb(db => SnapshotWriter.WriteAsync(db, today, default));
        await app.WithDb(db => SnapshotWriter.WriteAsync(db, today, default));
        var snap = await app.WithDb(db => db.DailySnapshots.SingleAsync(s => s.Kind == ScopeKind.Unit && s.ScopeId == district && s.Day == today));
        Assert.Equal((2, 1), (snap.Verified, snap.Booths));
        var d = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{district}/drive?days=90");
        Assert.Equal(90, d.GetProperty("days").GetArrayLength());
        Assert.Equal(2, d.GetProperty("days").EnumerateArray().Last().GetProperty("verified").GetInt64());
    }

    static JsonElement Level(JsonElement data, string key) =>
        data.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("levelKey").GetString() == key);

    static long Count(JsonElement d, string list, string key) =>
        d.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("count").GetInt64();

    Task<int> LevelIdAsync(string key) => app.WithDb(db => db.Levels.Where(l => l.Key == key).Select(l => l.Id).SingleAsync());

    Task<List<(int Post, int Seats)>> BoothPostsAsync() => app.WithDb(async db =>
        (await db.Posts.Where(p => p.LevelId == db.Levels.Single(l => l.Key == "booth").Id).OrderBy(p => p.Rank)
            .Select(p => new { p.Id, p.Seats }).ToListAsync()).Select(p => (p.Id, p.Seats)).ToList());

    async Task<int> PersonAsync(int unit, string level, string nameEn, string nameHi)
    {
        await Tree.AppointAsync(unit, await Tree.PostIdAsync(level, "president"), nameEn, nameHi);
        return await app.WithDb(db => db.People.Where(p => p.NameEn == nameEn).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
    }

    /// <summary>Members as enrollment writes them: joined unconfirmed (one count change), then moved to where they stand.</summary>
    Task AddMembersAsync(int booth, int enroller, DateOnly day, (MemberStatus Status, Gender Gender, string Category)[] members, bool flagFirst = false) =>
        app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "en", Text = "dash", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            var made = members.Select((m, i) => new Member
            {
                VoterId = $"DSH{Random.Shared.Next(1_000_000, 9_999_999)}", NameEn = $"M {i}", NameHi = $"स {i}", Mobile = Tree.RandomMobile(),
                Category = m.Category, Gender = m.Gender, Age = 30, BoothId = booth, Source = MemberSource.Field, Status = MemberStatus.Unconfirmed,
                Fee = FeeState.Cash, EnrolledById = enroller, RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id,
                ConsentAt = DateTime.UtcNow, CreatedAt = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            }).ToList();
            for (var i = 0; i < made.Count; i++)
            {
                db.Members.Add(made[i]);
                MemberCounting.Joined(db, made[i], day);
                if (members[i].Status == MemberStatus.Unconfirmed) continue;
                made[i].Status = MemberStatus.Pending;
                MemberCounting.Moved(db, made[i], MemberStatus.Unconfirmed, day);
                if (members[i].Status == MemberStatus.Pending) continue;
                made[i].Status = members[i].Status;
                MemberCounting.Moved(db, made[i], MemberStatus.Pending, day);
            }
            await db.SaveChangesAsync();
            if (flagFirst)
            {
                var m = made[0];
                db.MemberCountChanges.Add(MemberCounting.Flagged(booth, m.Status, m.Category, m.Gender, enroller, day));
                await db.SaveChangesAsync();
            }
        });

    Task FoldAllAsync() => app.WithDb(async db => { while (await TallyFolder.FoldAsync(db, default) > 0) { } });
}
