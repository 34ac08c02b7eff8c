using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Import;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

/// <summary>
/// The state administrator edits levels and posts (issue 22): a post a file names but the configuration lacks is added,
/// renamed, given seats, retired; every change counts at once and is audited; a retired post's holders are its history.
/// </summary>
public sealed class LevelsAndPostsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);

    async Task<JsonElement> LevelAsync(string key) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/levels")).EnumerateArray().Single(l => l.GetProperty("key").GetString() == key);

    [Fact]
    public async Task APostAddedToALevelTakesHoldersAndSeatsAndWhenRetiredKeepsThemAsItsHistory()
    {
        var (district, _, mandal, _) = await Tree.BranchAsync("Postpur", "पोस्टपुर");
        var mandalLevel = (await LevelAsync("mandal")).GetProperty("id").GetInt32();
        var before = (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32();

        // A war-room file names a mandal spokesperson: refused while the post does not exist.
        var import = new ImportClient(admin);
        var file = ImportClient.Csv($"District,Block,Mandal,Post,Name,Mobile\nPostpur,Postpur Block,Postpur Mandal,Spokesperson,Meena Kumari,{Tree.RandomMobile()}\n");
        Assert.Equal(1, (await import.SettledAsync(await import.UploadOkAsync("spokes.csv", file))).GetProperty("rejected").GetInt32());

        // Data entry keeps records but does not change the party's posts.
        using var dataEntry = app.CreateStaffClient("data-entry");
        var body = new { key = "spokesperson", nameEn = "Spokesperson", nameHi = "प्रवक्ता", seats = 2 };
        Assert.Equal(HttpStatusCode.Forbidden, (await dataEntry.PostAsJsonAsync($"/api/v1/levels/{mandalLevel}/posts", body)).StatusCode);
        var added = await admin.PostAsJsonAsync($"/api/v1/levels/{mandalLevel}/posts", body);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var post = (await added.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/levels/{mandalLevel}/posts", body)).StatusCode);
        Assert.Equal(before + 2, (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32());

        // The same file now goes through.
        var done = await import.CommitAsync(await import.UploadOkAsync("spokes-again.csv", file));
        Assert.Equal(0, done.GetProperty("rejected").GetInt32());
        var holder = Assert.Single((await Tree.UnitJsonAsync(mandal)).GetProperty("officeBearers").EnumerateArray(),
            b => b.GetProperty("postKey").GetString() == "spokesperson");

        // Renamed, with three seats: the seats count at once.
        var changed = await admin.PutAsJsonAsync($"/api/v1/posts/{post}", new { nameEn = "Media Spokesperson", nameHi = "मीडिया प्रवक्ता", seats = 3 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(before + 3, (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32());
        Assert.Contains((await Tree.UnitJsonAsync(mandal)).GetProperty("posts").EnumerateArray(),
            p => p.GetProperty("nameEn").GetString() == "Media Spokesperson" && p.GetProperty("seats").GetInt32() == 3);

        // Retired: its holder stops holding it today, with the reason; its seats go; it takes no one; it stays as history.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/posts/{post}/retire", new { reason = "" })).StatusCode);
        var retired = await admin.PostAsJsonAsync($"/api/v1/posts/{post}/retire", new { reason = "Media work moves to the district" });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(1, (await retired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appointmentsEnded").GetInt32());
        Assert.Equal(before, (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32());
        var mandalPage = await Tree.UnitJsonAsync(mandal);
        Assert.DoesNotContain(mandalPage.GetProperty("officeBearers").EnumerateArray(), b => b.GetProperty("postKey").GetString() == "spokesperson");
        Assert.DoesNotContain(mandalPage.GetProperty("posts").EnumerateArray(), p => p.GetProperty("key").GetString() == "spokesperson");
        var person = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{holder.GetProperty("personId").GetInt32()}");
        var past = Assert.Single(person.GetProperty("posts").EnumerateArray());
        Assert.Equal(("Media Spokesperson", "Media work moves to the district"), (past.GetProperty("postEn").GetString(), past.GetProperty("endReason").GetString()));
        var appoint = await admin.PostAsJsonAsync($"/api/v1/units/{mandal}/appointments",
            new { postId = post, newPerson = new { nameEn = "Late Comer", nameHi = "देर से", mobile = Tree.RandomMobile() } });
        Assert.Equal(HttpStatusCode.BadRequest, appoint.StatusCode);
        var level = await LevelAsync("mandal");
        Assert.Contains(level.GetProperty("posts").EnumerateArray(), p => p.GetProperty("id").GetInt32() == post && p.GetProperty("until").ValueKind == JsonValueKind.String);

        // Every change is in the audit log, and the editor's history shows who changed what from what.
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/levels/history");
        var ofPost = history.EnumerateArray().Where(h => h.GetProperty("entity").GetString() == "Post" && h.GetProperty("entityId").GetString() == post.ToString()).ToList();
        Assert.Contains(ofPost, h => h.GetProperty("action").GetString() == "create");
        Assert.Contains(ofPost, h => h.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "Seats"
            && c.GetProperty("before").GetString() == "2" && c.GetProperty("after").GetString() == "3"));
        var page = await admin.GetStringAsync("/organization/levels");
        Assert.Contains("Media Spokesperson", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await dataEntry.GetAsync("/organization/levels")).StatusCode);

        // Brought back, it has seats again (and no holders until someone is appointed).
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/posts/{post}/restore", new { })).StatusCode);
        Assert.Equal(before + 3, (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32());
    }
}

/// <summary>A level added between two that hold units, and one below the booth (their own database: levels are the whole tree's).</summary>
public sealed class AddLevelTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);

    [Fact]
    public async Task ALevelBetweenDistrictAndBlockPutsOneUnitUnderEachDistrictAndCountsStay()
    {
        var (district, block, mandal, booth) = await Tree.BranchAsync("Zonepur", "ज़ोनपुर");
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "Booth Head", "बूथ प्रमुख", Tree.RandomMobile());
        await app.WithDb(async db =>
        {
            var notice = new Sangathan.Membership.ConsentNotice { Language = "hi", Text = "zone", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            var m = new Sangathan.Membership.Member
            {
                VoterId = "ZNE1234567", NameEn = "Zone Member", NameHi = "ज़ोन सदस्य", Mobile = Tree.RandomMobile(), Category = "general", Age = 33,
                BoothId = booth, Source = Sangathan.Membership.MemberSource.Field, Status = Sangathan.Membership.MemberStatus.Verified,
                Fee = Sangathan.Membership.FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id,
                ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            };
            db.Members.Add(m);
            Sangathan.Membership.MemberCounting.Joined(db, m, DateOnly.FromDateTime(DateTime.UtcNow));
            await db.SaveChangesAsync();
            while (await Sangathan.Membership.TallyFolder.FoldAsync(db, default) > 0) { }
        });
        var seatsBefore = (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32();
        var levels = await admin.GetFromJsonAsync<JsonElement>("/api/v1/levels");
        var districtLevel = levels.EnumerateArray().Single(l => l.GetProperty("key").GetString() == "district").GetProperty("id").GetInt32();

        var added = await admin.PostAsJsonAsync("/api/v1/levels", new { key = "zone", nameEn = "Zone", nameHi = "ज़ोन", belowLevelId = districtLevel });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        levels = await admin.GetFromJsonAsync<JsonElement>("/api/v1/levels");
        Assert.Equal(["state", "district", "zone", "block", "mandal", "booth"], levels.EnumerateArray().Select(l => l.GetProperty("key").GetString()));
        Assert.True(levels.EnumerateArray().Single(l => l.GetProperty("key").GetString() == "booth").GetProperty("isBooth").GetBoolean());

        // The district now holds one zone, which holds the block; everything below is one level deeper.
        var zone = Assert.Single((await Tree.UnitJsonAsync(district)).GetProperty("children").EnumerateArray()).GetProperty("id").GetInt32();
        Assert.Equal(zone, (await Tree.UnitJsonAsync(block)).GetProperty("parentId").GetInt32());
        var (paths, depths) = await app.WithDb(async db =>
        {
            var units = await db.Units.Where(u => u.Id == booth || u.Id == zone).ToDictionaryAsync(u => u.Id);
            return (units[booth].Path, units[booth].Depth);
        });
        Assert.Equal($"/{(await Tree.StateAsync())}/{district}/{zone}/{block}/{mandal}/{booth}/", paths);
        Assert.Equal(5, depths);
        // Counts: the zone holds all the district counted; nothing above changes.
        Assert.Equal(seatsBefore, (await Tree.UnitJsonAsync(district)).GetProperty("subtreeSeats").GetInt32());
        Assert.Equal(1, (await Tree.UnitJsonAsync(zone)).GetProperty("subtreeFilled").GetInt32());
        foreach (var unit in new[] { zone, district, mandal })
            Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/members/counts")).GetProperty("verified").GetInt64());

        // Below the booth: page committees; the booth stays the booth.
        var boothLevel = levels.EnumerateArray().Single(l => l.GetProperty("key").GetString() == "booth").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/levels", new { key = "page", nameEn = "Page committee", nameHi = "पन्ना समिति", belowLevelId = boothLevel })).StatusCode);
        var page = await Tree.UnitAsync(booth, Tree.NewCode("PG"), "Page 1", "पन्ना 1");
        Assert.Equal("page", (await Tree.UnitJsonAsync(page)).GetProperty("level").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/levels", new { key = "page", nameEn = "Again", nameHi = "फिर", belowLevelId = boothLevel })).StatusCode);
    }
}
