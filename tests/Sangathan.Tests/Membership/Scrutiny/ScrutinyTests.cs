using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Scrutiny;

public sealed class ScrutinyTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task TheDistrictSeesItsQueueInFullDecidesOnceAndTheMemberIsTold()
    {
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Bundi", "बूंदी");
        var elsewhere = await tree.BranchAsync("Baran", "बारां");
        var president = app.CreatePersonClient(await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Kalu Ram", "कालू राम", Tree.RandomMobile()));
        var boothPresident = app.CreatePersonClient(await tree.AppointAsync(branch.Booth, await tree.PostIdAsync("booth", "president"), "Nanu Ram", "नानू राम", Tree.RandomMobile()));
        var otherPresident = app.CreatePersonClient(await tree.AppointAsync(elsewhere.District, await tree.PostIdAsync("district", "president"), "Gopi Lal", "गोपी लाल", Tree.RandomMobile()));
        var (first, second) = (await WaitingAsync(branch.Booth), await WaitingAsync(branch.Booth));

        var queue = await president.GetFromJsonAsync<JsonElement>("/api/v1/members/scrutiny");
        var shown = queue.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([first.Id, second.Id], shown.Select(m => m.GetProperty("id").GetInt32()));
        Assert.Equal(first.VoterId, shown[0].GetProperty("voterId").GetString()); // in full: it is checked against the roll
        var viewed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=scrutiny-view");
        Assert.True(viewed.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await boothPresident.GetAsync("/api/v1/members/scrutiny")).StatusCode);
        Assert.Empty((await otherPresident.GetFromJsonAsync<JsonElement>("/api/v1/members/scrutiny")).GetProperty("members").EnumerateArray());
        Assert.Equal("image/jpeg", (await president.GetAsync($"/api/v1/members/{first.Id}/photo")).Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await boothPresident.GetAsync($"/api/v1/members/{first.Id}/photo")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await president.PostAsJsonAsync($"/api/v1/members/{first.Id}/reject", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boothPresident.PostAsJsonAsync($"/api/v1/members/{first.Id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPresident.PostAsJsonAsync($"/api/v1/members/{first.Id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await president.PostAsJsonAsync($"/api/v1/members/{first.Id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await president.PostAsJsonAsync($"/api/v1/members/{first.Id}/reject", new { reason = "late" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await president.PostAsJsonAsync($"/api/v1/members/{second.Id}/send-back", new { reason = "Photo is blurred" })).StatusCode);

        var decided = await app.WithDb(db => db.Members.AsNoTracking().Where(m => m.Id == first.Id || m.Id == second.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal((MemberStatus.Verified, MemberStatus.SentBack), (decided[0].Status, decided[1].Status));
        Assert.Equal("Photo is blurred", decided[1].DecisionNote);
        Assert.Contains("सत्यापित", app.Sms.To(first.Mobile).Single()); // in the member's language: Hindi unless they chose English
        Assert.Contains("Photo is blurred", app.Sms.To(second.Mobile).Single());
        Assert.Empty((await president.GetFromJsonAsync<JsonElement>("/api/v1/members/scrutiny")).GetProperty("members").EnumerateArray());
    }

    async Task<Member> WaitingAsync(int booth) => await app.WithDb(async db =>
    {
        var notice = new ConsentNotice { Language = "en", Text = "scrutiny", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
        var photo = new Sangathan.People.Photo { Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/jpeg", Content = TestPhotos.Jpeg(64, 64) };
        db.AddRange(notice, photo);
        await db.SaveChangesAsync();
        var member = new Member
        {
            VoterId = "SCR" + Random.Shared.Next(1_000_000, 9_999_999), NameEn = "Waiting Member", NameHi = "प्रतीक्षारत सदस्य", Mobile = Tree.RandomMobile(),
            Category = "st", Age = 33, BoothId = booth, Source = MemberSource.Field, Status = MemberStatus.Pending, Fee = FeeState.Cash,
            RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, PhotoId = photo.Id,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member;
    });
}
