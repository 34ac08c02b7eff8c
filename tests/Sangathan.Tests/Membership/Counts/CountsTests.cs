using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Counts;

public sealed class CountsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task CountsReachEveryUnitAboveTheBoothFollowStatusChangesAndFoldingTwiceChangesNothing()
    {
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Dausa", "दौसा");
        var other = await tree.UnitAsync(branch.Mandal, Tree.NewCode("P"), "Dausa Booth 2", "दौसा बूथ 2");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "en", Text = "counts", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            var members = Enumerable.Range(0, 5).Select(i => new Member
            {
                VoterId = $"CNT{Random.Shared.Next(1_000_000, 9_999_999)}", NameEn = $"M {i}", NameHi = $"स {i}", Mobile = Tree.RandomMobile(),
                Category = i < 3 ? "sc" : "general", Age = 40, BoothId = i < 4 ? branch.Booth : other, Source = MemberSource.Field,
                Status = MemberStatus.Pending, Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"),
                ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            }).ToList();
            foreach (var m in members)
            {
                db.Members.Add(m);
                // As enrollment does: joined unconfirmed, then confirmed into the scrutiny queue.
                m.Status = MemberStatus.Unconfirmed;
                MemberCounting.Joined(db, m, today);
                m.Status = MemberStatus.Pending;
                MemberCounting.Moved(db, m, MemberStatus.Unconfirmed, today);
            }
            await db.SaveChangesAsync();
            return members.Select(m => m.Id).ToList();
        });
        await FoldAllAsync();

        var booth = await CountsAsync(branch.Booth);
        Assert.Equal((0, 4), (booth.GetProperty("verified").GetInt64(), booth.GetProperty("awaitingScrutiny").GetInt64()));
        var district = await CountsAsync(branch.District);
        Assert.Equal(5, district.GetProperty("awaitingScrutiny").GetInt64());
        Assert.Equal(5, district.GetProperty("joinedLast7Days").GetInt64());
        Assert.Equal(0, district.GetProperty("awaitingMember").GetInt64());

        // Two are verified: the counts move, at the booth and up to the state.
        await app.WithDb(async db =>
        {
            foreach (var m in await db.Members.Where(m => m.Id == ids[0] || m.Id == ids[4]).ToListAsync())
            {
                m.Status = MemberStatus.Verified;
                MemberCounting.Moved(db, m, MemberStatus.Pending, today);
            }
            await db.SaveChangesAsync();
        });
        await FoldAllAsync();
        await FoldAllAsync();
        var state = await CountsAsync(await tree.StateAsync());
        district = await CountsAsync(branch.District);
        Assert.Equal((2, 3), (district.GetProperty("verified").GetInt64(), district.GetProperty("awaitingScrutiny").GetInt64()));
        Assert.True(state.GetProperty("verified").GetInt64() >= 2);
        var sc = district.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "sc");
        Assert.Equal((1, 3), (sc.GetProperty("verified").GetInt64(), sc.GetProperty("all").GetInt64()));
        Assert.Equal(0, await app.WithDb(db => db.MemberCountChanges.CountAsync(c => c.BoothId == branch.Booth || c.BoothId == other)));

        var page = await admin.GetStringAsync($"/units/{branch.District}");
        Assert.Contains("Members (verified)", page);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateStaffClient("auditor").GetAsync($"/api/v1/units/{branch.District}/members/counts")).StatusCode);
    }

    async Task FoldAllAsync() => await app.WithDb(async db => { while (await TallyFolder.FoldAsync(db, default) > 0) { } });

    async Task<JsonElement> CountsAsync(int unit) => await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/members/counts");
}
