using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Enrollment;

public sealed partial class EnrollmentTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    /// <summary>A district office bearer holding the war room's grant over his district (with a quota, if given).</summary>
    async Task<(HttpClient Enroller, int PersonId, int GrantId, (int District, int Block, int Mandal, int Booth) Branch)> EnrollerAsync(
        int? quota = null, DateTime? expires = null)
    {
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Ajmer", "अजमेर");
        var person = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Raghu Ram", "रघु राम", Tree.RandomMobile());
        var grant = await app.WithDb(async db =>
        {
            var g = new Grant { PersonId = person, UnitId = branch.District, CreatedAt = DateTime.UtcNow, Quota = quota, ExpiresAt = expires };
            db.Grants.Add(g);
            await db.SaveChangesAsync();
            return g.Id;
        });
        return (app.CreatePersonClient(person), person, grant, branch);
    }

    static string NewVoterId() => "RJM" + Random.Shared.Next(1_000_000, 9_999_999);

    static Dictionary<string, object?> Member(int boothId, string? voterId = null, string? mobile = null, byte[]? photo = null) => new()
    {
        ["voterId"] = voterId ?? NewVoterId(), ["nameEn"] = "Kamla Devi", ["nameHi"] = "कमला देवी", ["mobile"] = mobile ?? Tree.RandomMobile(),
        ["category"] = "obc", ["gender"] = "Female", ["age"] = 42, ["village"] = "Pisangan", ["address"] = "Ward 4", ["boothId"] = boothId,
        ["consent"] = true, ["requestKey"] = Guid.NewGuid().ToString("N"), ["cashPaid"] = true,
        ["photoBase64"] = Convert.ToBase64String(photo ?? TestPhotos.Jpeg()),
    };

    [Fact]
    public async Task AnAuthorizedEnrollerEnrollsAMemberWhoThenConfirmsOnTheirOwnPhone()
    {
        var (enroller, personId, grantId, branch) = await EnrollerAsync();
        var body = Member(branch.Booth);
        var response = await enroller.PostAsJsonAsync("/api/v1/members", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The field layer: once saved, the enroller sees the voter ID and mobile only masked.
        var voterId = (string)body["voterId"]!;
        Assert.Equal(voterId[..3] + "•••••" + voterId[^2..], saved.GetProperty("voterId").GetString());
        Assert.DoesNotContain(((string)body["mobile"]!)[3..], saved.GetRawText());
        Assert.Equal("Unconfirmed", saved.GetProperty("status").GetString());
        var id = saved.GetProperty("id").GetInt32();

        var member = await app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((personId, grantId, MemberSource.Field, FeeState.Cash), (member.EnrolledById!.Value, member.GrantId!.Value, member.Source, member.Fee));
        Assert.Equal("+91" + ((string)body["mobile"]!)[3..], member.Mobile);
        Assert.Equal(1, await app.WithDb(db => db.Grants.Where(g => g.Id == grantId).Select(g => g.Enrolled).SingleAsync()));
        // Saved past EF's change tracker, the member still has the audit entry the interceptor writes: every field, in name order.
        var entry = await app.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == "Member" && a.EntityId == id.ToString()));
        Assert.Equal("create", entry.Action);
        var after = JsonDocument.Parse(entry.After!).RootElement;
        var fields = await app.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(Member))!.GetProperties().Select(p => p.Name)
            .Order(StringComparer.Ordinal).ToArray()));
        Assert.Equal(fields, after.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((id, member.PhotoId, grantId, voterId, (int)MemberStatus.Unconfirmed), (after.GetProperty("Id").GetInt32(),
            (int?)after.GetProperty("PhotoId").GetInt32(), after.GetProperty("GrantId").GetInt32(), after.GetProperty("VoterId").GetString(),
            after.GetProperty("Status").GetInt32()));
        // The photo kept is the picture re-encoded small: the camera's EXIF (GPS, phone) is gone.
        var photo = await app.WithDb(db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == member.PhotoId));
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.DoesNotContain(TestPhotos.ExifMarker, System.Text.Encoding.ASCII.GetString(photo.Content));
        using (var codec = SkiaSharp.SKCodec.Create(new MemoryStream(photo.Content)))
            Assert.Equal(480, Math.Max(codec.Info.Width, codec.Info.Height));
        // PostgreSQL keeps photos out of line and uncompressed ('e'): compressed already, they only cost pglz's attempt.
        var storage = await app.WithDb(db => db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<string>("""SELECT attstorage::text AS "Value" FROM pg_attribute WHERE attrelid = '"Photos"'::regclass AND attname = 'Content'""").SingleAsync()
            : Task.FromResult("e"));
        Assert.Equal("e", storage);

        // The link went to the member's own mobile; the enroller's answer never carried it.
        var sms = Assert.Single(app.Sms.To(member.Mobile));
        var token = LinkToken().Match(sms).Groups[1].Value;
        Assert.DoesNotContain(token, saved.GetRawText());
        using var phone = app.CreateClient();
        var page = await phone.GetStringAsync($"/m/{token}");
        Assert.Contains("कमला देवी", page);
        Assert.Equal(MemberStatus.Unconfirmed, await StatusAsync(id));
        var confirmed = await Forms.PostAsync(phone, $"/m/{token}", page, []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        // Paid in cash, so straight to the district's scrutiny.
        Assert.Equal(MemberStatus.Pending, await StatusAsync(id));
        // Folded into the tallies or not yet (the tally worker runs meanwhile): one statement reads both.
        var counts = await app.WithDb(async db => (await db.MemberTallies.Where(t => t.UnitId == branch.Booth).Select(t => new { t.Status, N = t.Count })
            .Concat(db.MemberCountChanges.Where(c => c.BoothId == branch.Booth).Select(c => new { c.Status, N = (long)c.Delta })).ToListAsync())
            .GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.N)));
        Assert.Equal(0, counts.GetValueOrDefault(MemberStatus.Unconfirmed));
        Assert.Equal(1, counts.GetValueOrDefault(MemberStatus.Pending));
    }

    [Fact]
    public async Task RetriesWithTheSameRequestKeyMakeOneMemberEvenAllAtOnce()
    {
        var (enroller, _, grantId, branch) = await EnrollerAsync();
        var body = Member(branch.Booth);
        var first = await enroller.PostAsJsonAsync("/api/v1/members", body);
        var again = await enroller.PostAsJsonAsync("/api/v1/members", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());

        var burst = Member(branch.Booth);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var answer = await enroller.PostAsJsonAsync("/api/v1/members", burst);
            return (answer.StatusCode, Body: await answer.Content.ReadAsStringAsync());
        }));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.StatusCode}: {a.Body}"));
        Assert.Equal(1, await app.WithDb(db => db.Members.CountAsync(m => m.VoterId == (string)burst["voterId"]!)));
        Assert.Equal(2, await app.WithDb(db => db.Grants.Where(g => g.Id == grantId).Select(g => g.Enrolled).SingleAsync()));
    }

    [Fact]
    public async Task OneMembershipPerVoterIdAndBadDetailsAreRefusedFieldByField()
    {
        var (enroller, _, _, branch) = await EnrollerAsync();
        var voterId = NewVoterId();
        Assert.Equal(HttpStatusCode.Created, (await enroller.PostAsJsonAsync("/api/v1/members", Member(branch.Booth, voterId))).StatusCode);
        await RefusedAsync(enroller, Member(branch.Booth, voterId.ToLowerInvariant()), "VoterId", "already enrolled");
        await RefusedAsync(enroller, Member(branch.Booth, "RJ12345"), "VoterId", "three letters");
        await RefusedAsync(enroller, Member(branch.Booth, mobile: "12345"), "Mobile", "10 digits");
        await RefusedAsync(enroller, Member(branch.Booth, photo: TestPhotos.Pdf()), "Photo", "JPEG");
        await RefusedAsync(enroller, Member(branch.Booth, photo: new byte[3 * 1024 * 1024]), "Photo", "2 MB");
        var noConsent = Member(branch.Booth);
        noConsent["consent"] = false;
        await RefusedAsync(enroller, noConsent, "Consent", "agree");
        // A unit above the booth is not a booth.
        await RefusedAsync(enroller, Member(branch.Mandal), "BoothId", "booth");
        Assert.Equal(1, await app.WithDb(db => db.Members.CountAsync(m => m.BoothId == branch.Booth || m.BoothId == branch.Mandal)));
    }

    [Fact]
    public async Task EnrollingNeedsAGrantInForceOverTheBoothWithQuotaLeft()
    {
        var (enroller, _, _, _) = await EnrollerAsync(quota: 1);
        var (_, _, _, elsewhere) = await EnrollerAsync();
        var mine = (await app.WithDb(db => db.Grants.OrderByDescending(g => g.Id).Skip(1).Select(g => g.UnitId).FirstAsync()));
        var booth = await app.WithDb(db => db.Units.Where(u => u.Path.StartsWith(db.Units.Single(d => d.Id == mine).Path) && u.Depth == 4).Select(u => u.Id).FirstAsync());

        await RefusedAsync(enroller, Member(elsewhere.Booth), "BoothId", "authorization");
        Assert.Equal(HttpStatusCode.Created, (await enroller.PostAsJsonAsync("/api/v1/members", Member(booth))).StatusCode);
        await RefusedAsync(enroller, Member(booth), "BoothId", "quota");

        var (expired, _, _, expiredBranch) = await EnrollerAsync(expires: DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.Forbidden, (await expired.PostAsJsonAsync("/api/v1/members", Member(expiredBranch.Booth))).StatusCode);
        // The war room grants; it does not enroll (a member is traced to the person who enrolled them).
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/v1/members", Member(expiredBranch.Booth))).StatusCode);
    }

    [Fact]
    public async Task TheEnrollerListsTheirOwnMembersMaskedWithTheirCashBook()
    {
        var (enroller, _, _, branch) = await EnrollerAsync();
        var unpaid = Member(branch.Booth);
        unpaid["cashPaid"] = false;
        foreach (var body in new[] { Member(branch.Booth), Member(branch.Booth), unpaid })
            Assert.Equal(HttpStatusCode.Created, (await enroller.PostAsJsonAsync("/api/v1/members", body)).StatusCode);

        var mine = await enroller.GetFromJsonAsync<JsonElement>("/api/v1/members/mine");
        Assert.Equal(3, mine.GetProperty("members").GetArrayLength());
        Assert.All(mine.GetProperty("members").EnumerateArray(), m => Assert.Contains("•", m.GetProperty("voterId").GetString()));
        var book = await enroller.GetFromJsonAsync<JsonElement>("/api/v1/members/cash-book");
        Assert.Equal(1000, book.GetProperty("owedPaise").GetInt32());

        // Someone else's enroller sees none of them.
        var (other, _, _, _) = await EnrollerAsync();
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/members/mine")).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task ALinkExpiresAndTheEnrollerMaySendANewOneAFewTimes()
    {
        var (enroller, _, _, branch) = await EnrollerAsync();
        var body = Member(branch.Booth);
        var id = (await (await enroller.PostAsJsonAsync("/api/v1/members", body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var mobile = "+91" + ((string)body["mobile"]!)[3..];
        var token = LinkToken().Match(app.Sms.To(mobile).Single()).Groups[1].Value;
        using var phone = app.CreateClient();
        // The member opens the link in time, and taps "yes" after it expired (the page of an expired link has no form:
        // a public page carries no other).
        var page = await phone.GetStringAsync($"/m/{token}");
        await app.WithDb(db => db.MemberConfirmations.Where(c => c.MemberId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.Gone, (await Forms.PostAsync(phone, $"/m/{token}", page, [])).StatusCode);
        Assert.Equal(MemberStatus.Unconfirmed, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/m/AAAAAAAAAAAA")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await enroller.PostAsync($"/api/v1/members/{id}/confirmation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await enroller.PostAsync($"/api/v1/members/{id}/confirmation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await enroller.PostAsync($"/api/v1/members/{id}/confirmation", null)).StatusCode);
        var fresh = LinkToken().Match(app.Sms.To(mobile).Last()).Groups[1].Value;
        page = await phone.GetStringAsync($"/m/{fresh}");
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(phone, $"/m/{fresh}", page, [])).StatusCode);
        Assert.Equal(MemberStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task ThePageLeadsFromTheGrantDownToABoothAndEnrollsThereInHindi()
    {
        var (enroller, _, _, branch) = await EnrollerAsync();
        await enroller.GetAsync("/language/hi?returnUrl=/");
        var top = await enroller.GetStringAsync("/membership/enroll");
        Assert.Contains($"/membership/enroll?unit={branch.District}", top);
        var form = await enroller.GetStringAsync($"/membership/enroll?unit={branch.Booth}");
        Assert.Contains("सदस्य बनाएँ", form);
        var key = KeyField().Match(form).Groups[1].Value;

        var voterId = NewVoterId();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(form)), "__RequestVerificationToken" }, { new StringContent(key), "Input.RequestKey" },
            { new StringContent(voterId), "Input.VoterId" }, { new StringContent("सुनीता"), "Input.NameHi" },
            { new StringContent(Tree.RandomMobile()[3..]), "Input.Mobile" }, { new StringContent("sc"), "Input.Category" },
            { new StringContent("35"), "Input.Age" }, { new StringContent("true"), "Input.Consent" }, { new StringContent("true"), "Input.CashPaid" },
            { new ByteArrayContent(TestPhotos.Jpeg()), "Photo", "camera.jpg" },
        };
        var done = await enroller.PostAsync($"/membership/enroll?unit={branch.Booth}", content);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("सदस्य बनाया गया", await done.Content.ReadAsStringAsync());
        Assert.Equal("sc", await app.WithDb(db => db.Members.Where(m => m.VoterId == voterId).Select(m => m.Category).SingleAsync()));
    }

    async Task<MemberStatus> StatusAsync(int id) => await app.WithDb(db => db.Members.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    static async Task RefusedAsync(HttpClient client, Dictionary<string, object?> body, string field, string words)
    {
        var response = await client.PostAsJsonAsync("/api/v1/members", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
        Assert.Contains(words, messages[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"/m/([A-Za-z0-9_-]{12})")]
    private static partial Regex LinkToken();

    [GeneratedRegex("name=\"Input.RequestKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}
