using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

/// <summary>A member who is also an office bearer is one person (issue 22): linked by their voter ID, never recorded twice.</summary>
public sealed class MemberPersonTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);

    async Task<(string VoterId, string Mobile)> MemberAsync(int booth)
    {
        var voterId = "MPT" + Random.Shared.Next(1_000_000, 9_999_999);
        var mobile = Tree.RandomMobile();
        await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "hi", Text = "link", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            db.Members.Add(new Member
            {
                VoterId = voterId, NameEn = "Kamla Devi", NameHi = "कमला देवी", Mobile = mobile, Category = "obc", Age = 41, Village = "Pisangan",
                BoothId = booth, Source = MemberSource.Field, Status = MemberStatus.Verified, Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"),
                ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        return (voterId, mobile);
    }

    [Fact]
    public async Task AMemberAppointedIsOnePersonWithTheirMembershipOnTheirPage()
    {
        var (district, _, _, booth) = await Tree.BranchAsync("Linkpur", "लिंकपुर");
        var (voterId, mobile) = await MemberAsync(booth);

        var appointed = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/appointments",
            new { postId = await Tree.PostIdAsync("booth", "president"), memberVoterId = voterId.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
        var bearer = Assert.Single((await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray());
        Assert.Equal(("Kamla Devi", mobile), (bearer.GetProperty("nameEn").GetString(), bearer.GetProperty("mobile").GetString()));
        var personId = bearer.GetProperty("personId").GetInt32();
        var person = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        var membership = Assert.Single(person.GetProperty("memberships").EnumerateArray());
        Assert.Equal((booth, "Verified"), (membership.GetProperty("boothId").GetInt32(), membership.GetProperty("status").GetString()));

        // Appointed again elsewhere, as a member or by the mobile: the same person, not a second one.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/units/{district}/appointments",
            new { postId = await Tree.PostIdAsync("district", "secretary"), memberVoterId = voterId })).StatusCode);
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.VoterId == voterId || p.Mobile == mobile)));
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}")).GetProperty("posts").GetArrayLength());
        Assert.Contains("Party membership", await admin.GetStringAsync($"/people/{personId}"));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/units/{booth}/appointments",
            new { postId = await Tree.PostIdAsync("booth", "secretary"), memberVoterId = "ZZZ0000000" })).StatusCode);
    }

    [Fact]
    public async Task AnOfficeBearerWithAVoterIdIsTheMemberWithIt()
    {
        var (_, _, mandal, booth) = await Tree.BranchAsync("Linkgarh", "लिंकगढ़");
        var (voterId, _) = await MemberAsync(booth);
        // Appointed with the form's details and the same voter ID (another mobile): the person on record with it, or one made now.
        var first = await admin.PostAsJsonAsync($"/api/v1/units/{mandal}/appointments", new
        {
            postId = await Tree.PostIdAsync("mandal", "president"),
            newPerson = new { nameEn = "Kamla Devi", nameHi = "कमला देवी", mobile = Tree.RandomMobile(), voterId },
        });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var personId = Assert.Single((await Tree.UnitJsonAsync(mandal)).GetProperty("officeBearers").EnumerateArray()).GetProperty("personId").GetInt32();
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}")).GetProperty("memberships").EnumerateArray());

        // The same voter ID again, with yet another mobile: the same person, not a failed save.
        var again = await admin.PostAsJsonAsync($"/api/v1/units/{mandal}/appointments", new
        {
            postId = await Tree.PostIdAsync("mandal", "secretary"),
            newPerson = new { nameEn = "K. Devi", nameHi = "क. देवी", mobile = Tree.RandomMobile(), voterId },
        });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.VoterId == voterId)));
    }
}
