using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>
/// The sunflower reaches workers (issue 20): an office bearer authorizes anyone by mobile; a mobile not on record
/// becomes a worker of the unit, who is told by SMS, enrolls there, reads the unit without office bearers' contacts,
/// grants nobody, and is told again when revoked.
/// </summary>
public sealed class WorkerGrantTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    static Dictionary<string, object?> Member(int boothId) => new()
    {
        ["voterId"] = "RJW" + Random.Shared.Next(1_000_000, 9_999_999), ["nameHi"] = "गीता देवी", ["mobile"] = Tree.RandomMobile(),
        ["category"] = "sc", ["gender"] = "Female", ["age"] = 35, ["boothId"] = boothId, ["consent"] = true,
        ["requestKey"] = Guid.NewGuid().ToString("N"), ["cashPaid"] = true, ["photoBase64"] = Convert.ToBase64String(TestPhotos.Jpeg()),
    };

    [Fact]
    public async Task ADistrictPresidentAuthorizesAMobileNotOnRecordWhoBecomesAWorkerOfTheBoothAndEnrollsThere()
    {
        var d = await District.CreateAsync(app, admin, "Churu", "चूरू");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        president.DefaultRequestHeaders.AcceptLanguage.ParseAdd("hi");
        var mobile = Tree.RandomMobile();

        // No name, no new person: the form asks for it, in the granter's language.
        Assert.Contains("नाम लिखें", await Drive.FieldErrorAsync(await president.PostAsJsonAsync("/api/v1/grants", new { mobile, unitId = d.Booth }), "Name"));
        var response = await president.PostAsJsonAsync("/api/v1/grants", new { mobile, unitId = d.Booth, name = "सुनीता मेघवाल" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var worker = await app.WithDb(db => db.People.AsNoTracking().SingleAsync(p => p.Mobile == mobile));
        Assert.Equal("सुनीता मेघवाल", worker.NameHi);
        var record = await app.WithDb(db => db.Workers.AsNoTracking().SingleAsync(w => w.PersonId == worker.Id));
        Assert.Equal((d.Booth, d.President), (record.UnitId, record.ByPersonId));
        Assert.False(await app.WithDb(db => db.Appointments.AnyAsync(a => a.PersonId == worker.Id)));
        // Told by SMS, in Hindi, where to sign in.
        var told = Assert.Single(app.Sms.To(mobile));
        Assert.Contains("सदस्य बनाने का अधिकार मिला", told);
        Assert.Contains("/sign-in", told);

        // A worker fills no seat: the booth's count of office bearers is what it was.
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{d.Booth}");
        Assert.Equal(2, page.GetProperty("seatsFilled").GetInt32());
        Assert.DoesNotContain(page.GetProperty("officeBearers").EnumerateArray(), o => o.GetProperty("personId").GetInt32() == worker.Id);

        // The worker enrolls at the booth, reads it without office bearers' contacts, and authorizes nobody.
        var client = app.CreatePersonClient(worker.Id);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/members", Member(d.Booth))).StatusCode);
        var seen = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{d.Booth}");
        var bearers = seen.GetProperty("officeBearers").EnumerateArray().ToList();
        Assert.NotEmpty(bearers);
        Assert.All(bearers, b => Assert.Contains("•", b.GetProperty("mobile").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/units/{d.Mandal}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/grants", new { mobile = Tree.RandomMobile(), unitId = d.Booth, name = "Ramesh" })).StatusCode);
        // The president sees his worker, with the mobile he gave.
        var person = await president.GetFromJsonAsync<JsonElement>($"/api/v1/people/{worker.Id}");
        Assert.Equal(mobile, person.GetProperty("mobile").GetString());

        // With no post, the worker signs in by the code the SMS brings, as an office bearer does.
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile = mobile[3..] })).StatusCode);
        var code = System.Text.RegularExpressions.Regex.Match(app.Sms.To(mobile)[^1], @"\b\d{6}\b").Value;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { mobile, code })).StatusCode);

        // Revoked: told so, and the booth is closed to them at once; no code comes for signing in any more.
        var grant = await app.WithDb(db => db.Grants.Where(g => g.PersonId == worker.Id).Select(g => g.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Drive.RevokeAsync(president, grant)).StatusCode);
        Assert.Contains(app.Sms.To(mobile), t => t.Contains("अधिकार रद्द"));
        var sentBefore = app.Sms.To(mobile).Count;
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile = mobile[3..] })).StatusCode);
        Assert.Equal(sentBefore, app.Sms.To(mobile).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/units/{d.Booth}")).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/members", Member(d.Booth));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, refused.StatusCode.ToString());
    }

    [Fact]
    public async Task AnOfficeBearerWhosePostDoesNotCarryTheGrantWorksAtTheUnitAndKeepsItWhenThePostEnds()
    {
        var d = await District.CreateAsync(app, admin, "Dausa", "दौसा");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        // The booth president's post lies below the block: the block's grant is carried by a worker record there.
        var atBlock = await Drive.GrantAsync(president, d.BoothPresident, d.Block);
        Assert.True(await app.WithDb(db => db.Workers.AnyAsync(w => w.PersonId == d.BoothPresident && w.UnitId == d.Block)));
        // The mandal president's post carries a grant at his mandal: no worker record.
        var atMandal = await Drive.GrantAsync(president, d.MandalPresident, d.Mandal);
        Assert.False(await app.WithDb(db => db.Workers.AnyAsync(w => w.PersonId == d.MandalPresident)));

        // Both posts end: the grant a post carried is suspended (GrantsFollowPosts, as before); the one a worker record
        // carries stays in force.
        foreach (var person in new[] { d.BoothPresident, d.MandalPresident })
        {
            var appointment = await app.WithDb(db => db.Appointments.Where(a => a.PersonId == person && a.Until == null).Select(a => a.Id).SingleAsync());
            var ended = await admin.PostAsJsonAsync($"/api/v1/appointments/{appointment}/end", new { until = DateOnly.FromDateTime(DateTime.Today), reason = "Term over" });
            Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());
        }
        var states = await app.WithDb(db => db.Grants.Where(g => g.Id == atBlock || g.Id == atMandal).ToDictionaryAsync(g => g.Id, g => g.SuspendedAt));
        Assert.Null(states[atBlock]);
        Assert.NotNull(states[atMandal]);
    }

    [Fact]
    public async Task AMobileOnRecordOutsideTheGrantersReachIsRefusedNamingNobody()
    {
        var d = await District.CreateAsync(app, admin, "Karauli", "करौली");
        var other = await District.CreateAsync(app, admin, "Bundi", "बूंदी");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        var response = await president.PostAsJsonAsync("/api/v1/grants", new { mobile = other.BlockPresidentMobile, unitId = d.Booth, name = "Someone" });
        var error = await Drive.FieldErrorAsync(response, "Mobile");
        Assert.DoesNotContain("Bhagwan", error);
        Assert.False(await app.WithDb(db => db.Grants.AnyAsync(g => g.PersonId == other.BlockPresident)));
        Assert.False(await app.WithDb(db => db.Workers.AnyAsync(w => w.PersonId == other.BlockPresident)));
    }
}
