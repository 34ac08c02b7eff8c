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

    [Fact]
    public async Task ThePageSpeaksTheReadersLanguageShowsTheSimilarPhotoBesideAndAsksBeforeARejection()
    {
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Tonk", "टोंक");
        var president = app.CreatePersonClient(await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Ramesh Tonk", "रमेश टोंक", Tree.RandomMobile()));
        await president.GetAsync("/language/hi?returnUrl=/");
        var (twin, flagged) = (await WaitingAsync(branch.Booth), await WaitingAsync(branch.Booth));
        await app.WithDb(async db =>
        {
            await db.Members.Where(m => m.Id == flagged.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Gender, Sangathan.People.Gender.Female));
            db.MemberFlags.Add(new MemberFlag { MemberId = flagged.Id, Kind = FlagKind.SimilarPhoto, Detail = $"photo like member {twin.Id}'s", CreatedAt = DateTime.UtcNow });
            db.MemberFlags.Add(new MemberFlag { MemberId = flagged.Id, Kind = FlagKind.PoorPhoto, Detail = "TooDark", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var path = $"/membership/scrutiny?unit={branch.District}";

        // Flags, category and gender in Hindi, by name; the similar member's photo beside the member's own.
        var page = await president.GetStringAsync(path);
        Assert.DoesNotContain("SimilarPhoto:", page);
        Assert.DoesNotContain("TooDark", page);
        Assert.Contains($"सदस्य {twin.Id} जैसी फ़ोटो", page);
        Assert.Contains("फ़ोटो बहुत अंधेरी", page);
        Assert.Contains("अनुसूचित जनजाति", page);
        Assert.Contains("महिला", page);
        Assert.Contains($"src=\"/members/{twin.Id}/photo\"", page);

        // A rejection is asked once more, and nothing is decided until it is confirmed.
        var asked = await Forms.PostAsync(president, path, page, new() { ["memberId"] = flagged.Id.ToString(), ["decision"] = "Reject", ["reason"] = "फ़ोटो दूसरे सदस्य की है" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = await asked.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirm\"", confirm);
        Assert.Contains("name=\"confirmed\" value=\"true\"", confirm);
        Assert.Equal(MemberStatus.Pending, await app.WithDb(db => db.Members.Where(m => m.Id == flagged.Id).Select(m => m.Status).SingleAsync()));
        var done = await Forms.PostAsync(president, path, confirm, new() { ["memberId"] = flagged.Id.ToString(), ["decision"] = "Reject", ["reason"] = "फ़ोटो दूसरे सदस्य की है", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(MemberStatus.Rejected, await app.WithDb(db => db.Members.Where(m => m.Id == flagged.Id).Select(m => m.Status).SingleAsync()));

        // The page's script decides without a reload: the answer is a small JSON, an error said in the reader's language.
        var form = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["memberId"] = twin.Id.ToString(), ["decision"] = "SendBack", ["reason"] = " ", ["confirmed"] = "true", ["__RequestVerificationToken"] = Forms.Token(page) }),
        };
        form.Headers.Add("X-Sangathan-Script", "1");
        var refused = await president.SendAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var answer = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("done").GetBoolean());
        Assert.Contains("कारण लिखें", answer.GetProperty("errors")[0].GetString());
        form = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["memberId"] = twin.Id.ToString(), ["decision"] = "Approve", ["__RequestVerificationToken"] = Forms.Token(page) }),
        };
        form.Headers.Add("X-Sangathan-Script", "1");
        var approved = await president.SendAsync(form);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.True((await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetBoolean());
        Assert.Equal(MemberStatus.Verified, await app.WithDb(db => db.Members.Where(m => m.Id == twin.Id).Select(m => m.Status).SingleAsync()));
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
