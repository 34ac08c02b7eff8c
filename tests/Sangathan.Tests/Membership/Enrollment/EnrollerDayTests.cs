using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Broadcasts;
using Sangathan.Membership;
using Sangathan.Messaging;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership.Grants;

namespace Sangathan.Tests.Membership.Enrollment;

/// <summary>SMS recorded, and replies taken at /api/v1/sms/mo behind a secret, as Kannel's sms-service hands them on.</summary>
public sealed class EnrollerDayFactory : SangathanFactory
{
    public const string Secret = "enroller-day-mo-secret";
    public RecordingSms Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:Kannel:DlrSecret", Secret);
        builder.ConfigureServices(services => services.AddSingleton<ISmsSender>(Sms));
    }
}

/// <summary>
/// The enroller's day around the form (issue 20; the member's reply through Kannel is <see cref="ConfirmationReplyTests"/>): the enroller sees each member's status and corrects one sent back; the district corrects with a reason
/// and approves the unflagged in bulk; the home page starts with what the caller can do.
/// </summary>
public sealed class EnrollerDayTests(EnrollerDayFactory app) : IClassFixture<EnrollerDayFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    static Dictionary<string, object?> Member(int boothId) => new()
    {
        ["voterId"] = "RJD" + Random.Shared.Next(1_000_000, 9_999_999), ["nameHi"] = "कमला देवी", ["mobile"] = Tree.RandomMobile(),
        ["category"] = "sc", ["gender"] = "Female", ["age"] = 41, ["boothId"] = boothId, ["consent"] = true,
        ["requestKey"] = Guid.NewGuid().ToString("N"), ["cashPaid"] = true, ["photoBase64"] = Convert.ToBase64String(TestPhotos.Jpeg()),
    };

    /// <summary>A district whose president holds the war room's grant, and a worker with no post he authorized at the booth.</summary>
    async Task<(District D, HttpClient President, HttpClient Worker, int WorkerId)> DayAsync(string en, string hi)
    {
        var d = await District.CreateAsync(app, admin, en, hi);
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        var mobile = Tree.RandomMobile();
        var granted = await president.PostAsJsonAsync("/api/v1/grants", new { mobile, unitId = d.Booth, name = "रेखा कार्यकर्ता" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var workerId = await app.WithDb(db => db.People.Where(p => p.Mobile == mobile).Select(p => p.Id).SingleAsync());
        return (d, president, app.CreatePersonClient(workerId), workerId);
    }

    async Task<(int Id, string Mobile)> EnrollAsync(HttpClient enroller, int booth)
    {
        var body = Member(booth);
        var response = await enroller.PostAsJsonAsync("/api/v1/members", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), "+91" + ((string)body["mobile"]!)[3..]);
    }

    Task<int> WaitingAsync(int booth, int enrolledBy) => app.WithDb(async db =>
    {
        var notice = new ConsentNotice { Language = "hi", Text = "day", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
        db.Add(notice);
        await db.SaveChangesAsync();
        var member = new Sangathan.Membership.Member
        {
            VoterId = "RJB" + Random.Shared.Next(1_000_000, 9_999_999), NameEn = "Waiting Member", NameHi = "प्रतीक्षारत सदस्य", Mobile = Tree.RandomMobile(),
            Category = "st", Age = 33, BoothId = booth, Source = MemberSource.Field, Status = MemberStatus.Pending, Fee = FeeState.Cash,
            RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            EnrolledById = enrolledBy, MobileConfirmedAt = DateTime.UtcNow,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    Task<MemberStatus> StatusAsync(int id) => app.WithDb(db => db.Members.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    [Fact]
    public async Task TheEnrollerSeesEachStatusAndCorrectsAMemberSentBackTheDistrictCorrectsForAReason()
    {
        var (d, president, worker, _) = await DayAsync("Pali", "पाली");
        var (waiting, _) = await EnrollAsync(worker, d.Booth);
        var (sentBack, _) = await EnrollAsync(worker, d.Booth);
        await app.WithDb(db => db.Members.Where(m => m.Id == sentBack).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Pending)));
        Assert.Equal(HttpStatusCode.NoContent, (await president.PostAsJsonAsync($"/api/v1/members/{sentBack}/send-back", new { reason = "Voter ID does not match the roll" })).StatusCode);

        // My members: each with its status; the one sent back with the reason and a way to correct it.
        var mine = await worker.GetStringAsync("/membership/mine");
        Assert.Contains($"data-member=\"{waiting}\" data-status=\"waiting\"", mine);
        Assert.Contains($"data-member=\"{sentBack}\" data-status=\"sent-back\"", mine);
        Assert.Contains("Voter ID does not match the roll", mine);
        Assert.Contains($"/membership/members/{sentBack}/correct", mine);
        var onlySentBack = await worker.GetStringAsync("/membership/mine?status=sent-back");
        Assert.DoesNotContain($"data-member=\"{waiting}\"", onlySentBack);

        // The enroller corrects only a member sent back to them; a bad value is refused at its field, nothing changed.
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutAsJsonAsync($"/api/v1/members/{waiting}", new { village = "Sojat" })).StatusCode);
        await Drive.FieldErrorAsync(await worker.PutAsJsonAsync($"/api/v1/members/{sentBack}", new { voterId = "12" }), "VoterId");
        Assert.Equal(MemberStatus.SentBack, await StatusAsync(sentBack));
        var newVoterId = "RJC" + Random.Shared.Next(1_000_000, 9_999_999);
        var corrected = await worker.PutAsJsonAsync($"/api/v1/members/{sentBack}", new { voterId = newVoterId });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var member = await app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == sentBack));
        Assert.Equal((MemberStatus.Pending, newVoterId), (member.Status, member.VoterId));
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutAsJsonAsync($"/api/v1/members/{sentBack}", new { village = "Sojat" })).StatusCode);

        // The district corrects a member waiting for scrutiny, for a reason that goes into the audit log.
        await Drive.FieldErrorAsync(await president.PutAsJsonAsync($"/api/v1/members/{sentBack}", new { village = "Sojat" }), "Reason");
        Assert.Equal(HttpStatusCode.OK, (await president.PutAsJsonAsync($"/api/v1/members/{sentBack}", new { village = "Sojat", reason = "Village as on the roll" })).StatusCode);
        Assert.Equal("Sojat", await app.WithDb(db => db.Members.Where(m => m.Id == sentBack).Select(m => m.Village).SingleAsync()));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=member-correct");
        Assert.True(audit.GetProperty("total").GetInt32() >= 2);
        // Someone else's member is not the worker's to correct, nor to see.
        var (othersMember, _) = await EnrollAsync(president, d.Booth);
        var refused = await worker.PutAsJsonAsync($"/api/v1/members/{othersMember}", new { village = "Sojat" });
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
    }

    /// <summary>The booth's members by gender and category, folded into tallies or not yet (one statement reads both).</summary>
    Task<Dictionary<(Sangathan.People.Gender, string), long>> CountsAsync(int booth) => app.WithDb(async db =>
        (await db.MemberTallies.Where(t => t.UnitId == booth).Select(t => new { t.Gender, t.Category, N = t.Count })
            .Concat(db.MemberCountChanges.Where(c => c.BoothId == booth).Select(c => new { c.Gender, c.Category, N = (long)c.Delta })).ToListAsync())
            .GroupBy(c => (c.Gender, c.Category)).Where(g => g.Sum(c => c.N) != 0).ToDictionary(g => g.Key, g => g.Sum(c => c.N)));

    [Fact]
    public async Task ACorrectionOfGenderOrCategoryMovesTheMemberBetweenTheTallies()
    {
        var (d, president, worker, _) = await DayAsync("Barmer", "बाड़मेर");
        var (id, _) = await EnrollAsync(worker, d.Booth);
        Assert.Equal(new() { [(Sangathan.People.Gender.Female, "sc")] = 1 }, await CountsAsync(d.Booth));

        // The district corrects the gender: the member leaves the women's count and joins the men's, still one member.
        Assert.Equal(HttpStatusCode.OK, (await president.PutAsJsonAsync($"/api/v1/members/{id}", new { gender = "Male", reason = "Gender as on the roll" })).StatusCode);
        Assert.Equal(new() { [(Sangathan.People.Gender.Male, "sc")] = 1 }, await CountsAsync(d.Booth));

        // Gender and category at once: one move, from the count the member was in to the one they are in now.
        Assert.Equal(HttpStatusCode.OK, (await president.PutAsJsonAsync($"/api/v1/members/{id}", new { gender = "Female", category = "st", reason = "Details as on the roll" })).StatusCode);
        Assert.Equal(new() { [(Sangathan.People.Gender.Female, "st")] = 1 }, await CountsAsync(d.Booth));
    }

    [Fact]
    public async Task TheDistrictApprovesTheUnflaggedInBulkAndTheFlaggedAreLeftForALook()
    {
        var (d, president, worker, workerId) = await DayAsync("Sirohi", "सिरोही");
        // Waiting members with no photo: the flagger, which runs beside the test, finds nothing in them of its own.
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(await WaitingAsync(d.Booth, workerId));
        await app.WithDb(async db =>
        {
            db.MemberFlags.Add(new MemberFlag { MemberId = ids[2], Kind = FlagKind.PoorPhoto, Detail = "Blurred", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var other = await District.CreateAsync(app, admin, "Jalore", "जालोर");
        var outside = await WaitingAsync(other.Booth, other.President);

        // Only those who scrutinize may; a worker does not.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/members/approve", new { ids })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await president.PostAsJsonAsync("/api/v1/members/approve", new { ids = Array.Empty<int>() })).StatusCode);

        var response = await president.PostAsJsonAsync("/api/v1/members/approve", new { ids = ids.Append(outside).ToArray() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ids.Take(2).Order(), result.GetProperty("approved").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(new[] { ids[2], outside }.Order(), result.GetProperty("skipped").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(
            [MemberStatus.Verified, MemberStatus.Verified, MemberStatus.Pending, MemberStatus.Pending],
            [await StatusAsync(ids[0]), await StatusAsync(ids[1]), await StatusAsync(ids[2]), await StatusAsync(outside)]);

        // The worker's members page shows them verified.
        var mine = await worker.GetStringAsync("/membership/mine?status=verified");
        Assert.Contains($"data-member=\"{ids[0]}\" data-status=\"verified\"", mine);
    }

    [Fact]
    public async Task HomeStartsWithWhatTheCallerCanDoAndMenusShowOnlyWhatTheyMayOpen()
    {
        var (d, president, worker, _) = await DayAsync("Tonk", "टोंक");

        // The worker's home: "Enroll a member" straight to the booth of their only grant; no tree, no API reference.
        var home = await worker.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await home.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"enroll\" href=\"/membership/enroll?unit={d.Booth}\"", page);
        Assert.Contains("href=\"/membership/mine\"", page);
        Assert.DoesNotContain("href=\"/api/\"", page);
        Assert.DoesNotContain("href=\"/completeness\"", page);
        Assert.DoesNotContain("href=\"/membership/scrutiny\"", page);

        // The district president's: his queue and his enrollment, his part of the tree, still no API reference.
        var his = await president.GetStringAsync("/");
        Assert.Contains("href=\"/membership/scrutiny\"", his);
        Assert.Contains("href=\"/completeness\"", his);
        Assert.DoesNotContain("href=\"/api/\"", his);
        // An office bearer with no grant and nothing to verify goes to his unit, and is shown no scrutiny or enrollment.
        var boothPresident = app.CreatePersonClient(d.BoothPresident);
        var redirected = await boothPresident.GetAsync("/");
        Assert.Equal($"/units/{d.Booth}", redirected.Headers.Location?.OriginalString);
        var unitPage = await boothPresident.GetStringAsync($"/units/{d.Booth}");
        Assert.DoesNotContain("href=\"/membership/scrutiny\"", unitPage);
        Assert.DoesNotContain("href=\"/membership/enroll\"", unitPage);

        // Public pages carry no internal menu or search, even for someone signed in.
        var verify = await president.GetStringAsync("/verify");
        Assert.DoesNotContain("role=\"search\"", verify);
        Assert.DoesNotContain("href=\"/membership/mine\"", verify);
    }
}
