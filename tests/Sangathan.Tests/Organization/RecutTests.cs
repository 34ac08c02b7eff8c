using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

/// <summary>
/// Booth re-cuts (issue 22): a booth of 300 members and three office bearers split in two and merged back, each one
/// decision taking effect on a day; counts, completeness and the tree as it stood the day before stay right.
/// </summary>
public sealed class RecutTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);
    static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A booth with members of two villages (verified), and a president, a secretary and a committee member since a month.</summary>
    async Task<(int District, int Mandal, int Booth, int[] Appointments)> BoothAsync(int rampura, int shyampura)
    {
        var (district, _, mandal, booth) = await Tree.BranchAsync("Recutpur", "रीकटपुर");
        var appointments = new List<int>();
        foreach (var (post, name) in new[] { ("president", "Ram Lal"), ("secretary", "Shyam Lal"), ("committee-member", "Geeta Devi") })
        {
            var response = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/appointments", new
            {
                postId = await Tree.PostIdAsync("booth", post), from = Day(Today.AddDays(-30)),
                newPerson = new { nameEn = name, nameHi = name, mobile = Tree.RandomMobile() },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            appointments.Add((await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id);
        }
        await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "hi", Text = "recut", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            var joined = DateTime.UtcNow.AddDays(-10);
            for (var i = 0; i < rampura + shyampura; i++)
            {
                var m = new Member
                {
                    VoterId = $"RCT{Random.Shared.Next(1_000_000, 9_999_999)}", NameEn = $"Member {i}", NameHi = $"सदस्य {i}", Mobile = Tree.RandomMobile(),
                    Category = i % 3 == 0 ? "sc" : "general", Age = 30, BoothId = booth, Source = MemberSource.Field, Status = MemberStatus.Verified,
                    Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id, ConsentAt = joined, CreatedAt = joined,
                    Village = i < rampura ? "Rampura" : "Shyampura",
                };
                db.Members.Add(m);
                MemberCounting.Joined(db, m, DateOnly.FromDateTime(joined));
            }
            await db.SaveChangesAsync();
        });
        await FoldAsync();
        return (district, mandal, booth, [.. appointments]);
    }

    async Task FoldAsync() => await app.WithDb(async db => { while (await TallyFolder.FoldAsync(db, default) > 0) { } });

    async Task<long> VerifiedAsync(int unit) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/members/counts")).GetProperty("verified").GetInt64();

    async Task<(int Seats, int Filled)> SubtreeAsync(int unit)
    {
        var u = await Tree.UnitJsonAsync(unit);
        return (u.GetProperty("subtreeSeats").GetInt32(), u.GetProperty("subtreeFilled").GetInt32());
    }

    async Task<(int Units, int Seats, int Filled)> BoothLevelAsync(int district)
    {
        var c = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/completeness?unitId={district}");
        var booths = c.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("levelKey").GetString() == "booth");
        return (booths.GetProperty("units").GetInt32(), booths.GetProperty("seats").GetInt32(), booths.GetProperty("filled").GetInt32());
    }

    [Fact]
    public async Task ABoothOf300MembersAndThreeOfficeBearersSplitsInTwoAndMergesBackWithCountsAndTheDayBeforeRight()
    {
        var (district, mandal, booth, appointments) = await BoothAsync(rampura: 180, shyampura: 120);
        Assert.Equal(300, await VerifiedAsync(mandal));
        var mandalBefore = await SubtreeAsync(mandal);
        var completenessBefore = await BoothLevelAsync(district);
        Assert.Equal((1, 12, 3), completenessBefore);

        // Split: Shyampura's members and the secretary go to a new booth, from today.
        var newCode = Tree.NewCode("P");
        var split = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/split", new
        {
            on = Day(Today), reason = "Polling station revision: 1,200 voters a station",
            into = new[] { new { code = newCode, nameEn = "Shyampura Booth", nameHi = "श्यामपुरा बूथ", partNumber = 14, villages = new[] { "Shyampura" }, appointmentIds = new[] { appointments[1] } } },
        });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var splitId = (await split.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
        var mandalPage = await Tree.UnitJsonAsync(mandal);
        var children = mandalPage.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(2, children.Count);
        var second = children.Single(c => c.GetProperty("code").GetString() == newCode).GetProperty("id").GetInt32();

        await FoldAsync();
        Assert.Equal((180, 120, 300, 300), (await VerifiedAsync(booth), await VerifiedAsync(second), await VerifiedAsync(mandal), await VerifiedAsync(district)));
        // The new booth brings its own 12 seats, one of them filled by the secretary who moved; nothing else is filled or lost.
        Assert.Equal((mandalBefore.Seats + 12, mandalBefore.Filled), await SubtreeAsync(mandal));
        Assert.Equal((2, 24, 3), await BoothLevelAsync(district));
        var secondPage = await Tree.UnitJsonAsync(second);
        Assert.Equal("Shyam Lal", Assert.Single(secondPage.GetProperty("officeBearers").EnumerateArray()).GetProperty("nameEn").GetString());
        Assert.Equal(2, (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").GetArrayLength());

        // The tree as it stood yesterday: one booth, all 300 members, all three office bearers.
        var yesterday = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{mandal}/on/{Day(Today.AddDays(-1))}");
        var then = Assert.Single(yesterday.GetProperty("children").EnumerateArray());
        Assert.Equal((booth, 300L, 3), (then.GetProperty("id").GetInt32(), then.GetProperty("members").GetInt64(), then.GetProperty("filled").GetInt32()));
        Assert.Equal(300, yesterday.GetProperty("members").GetInt64());
        var boothYesterday = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{booth}/on/{Day(Today.AddDays(-1))}");
        Assert.Equal(3, boothYesterday.GetProperty("officeBearers").GetArrayLength());
        var now = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{mandal}/on/{Day(Today)}");
        Assert.Equal([120L, 180L], now.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("members").GetInt64()).Order());

        // Merged back, from today: the second booth ends and every count is as before the split.
        var merge = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/merge", new { on = Day(Today), reason = "Revision withdrawn by the election office", boothIds = new[] { second } });
        Assert.Equal(HttpStatusCode.Created, merge.StatusCode);
        await FoldAsync();
        Assert.Equal((300, 300, 300), (await VerifiedAsync(booth), await VerifiedAsync(mandal), await VerifiedAsync(district)));
        Assert.Equal(0, await app.WithDb(db => db.Members.CountAsync(m => m.BoothId == second)));
        Assert.Equal(mandalBefore, await SubtreeAsync(mandal));
        Assert.Equal(completenessBefore, await BoothLevelAsync(district));
        Assert.Single((await Tree.UnitJsonAsync(mandal)).GetProperty("children").EnumerateArray());
        Assert.Equal(3, (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").GetArrayLength());
        // The ended booth still has its page, which says so; yesterday still reads as it was.
        Assert.NotEqual(JsonValueKind.Null, (await Tree.UnitJsonAsync(second)).GetProperty("endedOn").ValueKind);
        yesterday = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{mandal}/on/{Day(Today.AddDays(-1))}");
        Assert.Equal(300, Assert.Single(yesterday.GetProperty("children").EnumerateArray()).GetProperty("members").GetInt64());

        // Each was one decision, on record with its reason; the split cannot be undone while the merge after it stands.
        var recuts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/recuts");
        Assert.Contains(recuts.EnumerateArray(), r => r.GetProperty("id").GetInt32() == splitId && r.GetProperty("membersMoved").GetInt32() == 120);
        var early = await admin.PostAsJsonAsync($"/api/v1/recuts/{splitId}/revert", new { reason = "Entered by mistake" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
    }

    [Fact]
    public async Task UndoingASplitPutsMembersPostsAndCountsBackAndNobodyOutsideTheWarRoomMayRecut()
    {
        var (district, mandal, booth, appointments) = await BoothAsync(rampura: 20, shyampura: 10);
        var before = await SubtreeAsync(mandal);
        var voter = await app.WithDb(db => db.Members.Where(m => m.BoothId == booth && m.Village == "Rampura").Select(m => m.VoterId).FirstAsync());
        var split = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/split", new
        {
            on = Day(Today.AddDays(-2)), reason = "New polling station at the school",
            into = new[] { new { code = Tree.NewCode("P"), nameEn = "School Booth", nameHi = "स्कूल बूथ", partNumber = 15,
                villages = new[] { "Shyampura" }, voterIds = new[] { voter }, appointmentIds = new[] { appointments[0] } } },
        });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var id = (await split.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
        await FoldAsync();
        Assert.Equal(19, await VerifiedAsync(booth));
        // Three days ago the booth still had everyone.
        var earlier = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{mandal}/on/{Day(Today.AddDays(-3))}");
        Assert.Equal(30, Assert.Single(earlier.GetProperty("children").EnumerateArray()).GetProperty("members").GetInt64());

        var undone = await admin.PostAsJsonAsync($"/api/v1/recuts/{id}/revert", new { reason = "Wrong villages chosen" });
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        await FoldAsync();
        Assert.Equal((30, 30), (await VerifiedAsync(booth), await VerifiedAsync(mandal)));
        Assert.Equal(before, await SubtreeAsync(mandal));
        var bearers = (await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray().ToList();
        Assert.Equal(3, bearers.Count);
        Assert.Contains(bearers, b => b.GetProperty("appointmentId").GetInt32() == appointments[0]);
        Assert.Single((await Tree.UnitJsonAsync(mandal)).GetProperty("children").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/recuts/{id}/revert", new { reason = "Twice over" })).StatusCode);

        // A district president edits his district but does not re-cut booths: that is the war room's.
        var president = await Tree.AppointAsync(district, await Tree.PostIdAsync("district", "president"), "Dinesh", "दिनेश", Tree.RandomMobile());
        var person = await app.WithDb(db => db.Appointments.Where(a => a.Id == president).Select(a => a.PersonId).SingleAsync());
        using var office = app.CreatePersonClient(person);
        var refused = await office.PostAsJsonAsync($"/api/v1/units/{booth}/split", new { reason = "Not theirs to do", into = new[] { new { code = "X1", nameEn = "X", nameHi = "X" } } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task RenumberingSwapsCodesInOneDecisionAndMovingABoothCarriesItsMembersCounts()
    {
        var (district, mandal, booth, _) = await BoothAsync(rampura: 5, shyampura: 5);
        var other = await Tree.UnitAsync(mandal, Tree.NewCode("P"), "Other Booth", "दूसरा बूथ", part: 2);
        var codes = await app.WithDb(db => db.Units.Where(u => u.Id == booth || u.Id == other).ToDictionaryAsync(u => u.Id, u => u.Code));
        var renumber = await admin.PostAsJsonAsync("/api/v1/recuts/renumber", new
        {
            on = Day(Today), reason = "Revised part list",
            booths = new[] { new { boothId = booth, partNumber = 2, code = codes[other] }, new { boothId = other, partNumber = 1, code = codes[booth] } },
        });
        Assert.Equal(HttpStatusCode.Created, renumber.StatusCode);
        var page = await Tree.UnitJsonAsync(booth);
        Assert.Equal((codes[other], 2), (page.GetProperty("unit").GetProperty("code").GetString(), page.GetProperty("partNumber").GetInt32()));
        var yesterday = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{booth}/on/{Day(Today.AddDays(-1))}");
        Assert.Equal(codes[booth], yesterday.GetProperty("unit").GetProperty("code").GetString());

        // The booth moves to another mandal of the district: its ten members' counts go with it.
        var block = (await Tree.UnitJsonAsync(mandal)).GetProperty("parentId").GetInt32();
        var mandal2 = await Tree.UnitAsync(block, Tree.NewCode("M"), "Second Mandal", "दूसरा मंडल");
        var moved = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/move", new { on = Day(Today), reason = "Moved by the block's revision", parentId = mandal2 });
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        await FoldAsync();
        Assert.Equal((0, 10, 10), (await VerifiedAsync(mandal), await VerifiedAsync(mandal2), await VerifiedAsync(district)));
        Assert.Equal(mandal2, (await Tree.UnitJsonAsync(booth)).GetProperty("parentId").GetInt32());
        Assert.Equal(10, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{mandal}/on/{Day(Today.AddDays(-1))}")).GetProperty("members").GetInt64());

        // Undone: back under its mandal, counts too.
        var id = (await moved.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/recuts/{id}/revert", new { reason = "Moved to the wrong mandal" })).StatusCode);
        await FoldAsync();
        Assert.Equal((10, 0), (await VerifiedAsync(mandal), await VerifiedAsync(mandal2)));
        Assert.Equal(mandal, (await Tree.UnitJsonAsync(booth)).GetProperty("parentId").GetInt32());
    }
}
