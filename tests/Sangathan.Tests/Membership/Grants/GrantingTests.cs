using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>Who may authorize whom, where: the war room from the top, an authorized person inside their own grant.</summary>
public sealed class GrantingTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task TheWarRoomAuthorizesADistrictOfficeBearerWhoAuthorizesABlockPresidentUnderHim()
    {
        var d = await District.CreateAsync(app, admin, "Ajmer", "अजमेर");
        var top = await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        // Picked by mobile number, as the page's form does.
        var response = await president.PostAsJsonAsync("/api/v1/grants", new { mobile = d.BlockPresidentMobile, unitId = d.Block });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var below = (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;

        var first = await app.WithDb(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == top));
        var second = await app.WithDb(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == below));
        Assert.Null(first.ParentId);
        Assert.NotNull(first.GrantedByStaffId);
        Assert.Null(first.GrantedByPersonId);
        Assert.Equal((top, d.BlockPresident, d.Block), (second.ParentId!.Value, second.PersonId, second.UnitId));
        Assert.Equal(d.President, second.GrantedByPersonId);
        Assert.Null(second.GrantedByStaffId);

        var mine = await app.CreatePersonClient(d.BlockPresident).GetFromJsonAsync<JsonElement>("/api/v1/grants/mine");
        Assert.Equal(new[] { below }, mine.EnumerateArray().Select(g => g.GetProperty("id").GetInt32()));
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/grants/mine") ?? []);
    }

    [Fact]
    public async Task AHolderGrantsOnlyInsideHisGrantAndOnlyToPeopleHeCanSee()
    {
        var d = await District.CreateAsync(app, admin, "Bhilwara", "भीलवाड़ा");
        var other = await District.CreateAsync(app, admin, "Sikar", "सीकर");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);

        // Another district's unit, and another district's person, are not there for him at all.
        Assert.Equal(HttpStatusCode.NotFound, (await Drive.TryGrantAsync(president, d.BlockPresident, other.Block)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Drive.TryGrantAsync(president, other.BlockPresident, d.Block)).StatusCode);
        // His secretary sees the district but holds no grant; data entry sees all and grants nothing; auditors see no units.
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.TryGrantAsync(app.CreatePersonClient(d.Secretary), d.BlockPresident, d.Block)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.TryGrantAsync(app.CreateStaffClient("data-entry"), d.BlockPresident, d.Block)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Drive.TryGrantAsync(app.CreateStaffClient("auditor"), d.BlockPresident, d.Block)).StatusCode);

        // Nobody may authorize himself. Anyone else he can see he may (issue 20): one whose post does not carry the grant
        // works at the unit as a worker (WorkerGrantTests), and the war room may authorize anyone anywhere.
        await Drive.FieldErrorAsync(await Drive.TryGrantAsync(president, d.President, d.Block), "PersonId");
        await Drive.GrantAsync(admin, other.President, d.Id);
        await Drive.GrantAsync(president, d.BoothPresident, d.Booth);

        // A mandal grant lets the block president authorize in the mandal, not in the block he can see.
        await Drive.GrantAsync(president, d.BlockPresident, d.Mandal);
        var blockPresident = app.CreatePersonClient(d.BlockPresident);
        await Drive.GrantAsync(blockPresident, d.MandalPresident, d.Mandal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.TryGrantAsync(blockPresident, d.BoothSecretary, d.Block)).StatusCode);

        // Once for a person and a unit, not twice.
        await Drive.FieldErrorAsync(await Drive.TryGrantAsync(president, d.MandalPresident, d.Mandal), "PersonId");
        await Drive.FieldErrorAsync(await president.PostAsJsonAsync("/api/v1/grants", new { unitId = d.Block }), "PersonId");
    }

    [Fact]
    public async Task AGrantUnderAnotherCannotOutliveOrOutnumberItAndSaysWhyInTheCallersLanguage()
    {
        var d = await District.CreateAsync(app, admin, "Barmer", "बाड़मेर");
        var end = DateTimeOffset.UtcNow.AddDays(10);
        await Drive.GrantAsync(admin, d.President, d.Id, end, 50);
        var president = app.CreatePersonClient(d.President);
        president.DefaultRequestHeaders.AcceptLanguage.ParseAdd("hi");

        Assert.Contains("तक मान्य है", await Drive.FieldErrorAsync(await Drive.TryGrantAsync(president, d.BlockPresident, d.Block, end.AddDays(1), 10), "ExpiresAt"));
        Assert.Contains("सीमा 50 है", await Drive.FieldErrorAsync(await Drive.TryGrantAsync(president, d.BlockPresident, d.Block, quota: 51), "Quota"));
        Assert.Contains("भविष्य", await Drive.FieldErrorAsync(await Drive.TryGrantAsync(president, d.BlockPresident, d.Block, DateTimeOffset.UtcNow.AddMinutes(-1)), "ExpiresAt"));
        await Drive.FieldErrorAsync(await Drive.TryGrantAsync(admin, d.Secretary, d.Id, quota: 0), "Quota");
        Assert.Equal(0, await app.WithDb(db => db.Grants.CountAsync(g => g.PersonId == d.BlockPresident || g.PersonId == d.Secretary)));

        // Asked for nothing, a grant under another gets what its parent has: its end, and its quota (counted on its own).
        var below = await Drive.GrantAsync(president, d.BlockPresident, d.Block);
        var grant = await app.WithDb(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == below));
        Assert.Equal(50, grant.Quota);
        Assert.Equal(0, grant.Enrolled);
        Assert.Equal(end.UtcDateTime, grant.ExpiresAt!.Value, TimeSpan.FromMilliseconds(1));
        var shorter = await Drive.GrantAsync(president, d.MandalPresident, d.Mandal, end.AddDays(-5), 5);
        Assert.Equal(5, await app.WithDb(db => db.Grants.Where(g => g.Id == shorter).Select(g => g.Quota).SingleAsync()));
    }
}
