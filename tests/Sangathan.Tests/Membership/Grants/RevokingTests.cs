using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>Revoking: by the war room or from above in the tree, at once for everything below unless asked otherwise.</summary>
public sealed class RevokingTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    /// <summary>War room → district president → block president → (mandal president → booth secretary, booth president).</summary>
    async Task<(District D, int District, int Block, int Mandal, int Booth, int UnderMandal)> SunflowerAsync(string en, string hi)
    {
        var d = await District.CreateAsync(app, admin, en, hi);
        var district = await Drive.GrantAsync(admin, d.President, d.Id);
        var block = await Drive.GrantAsync(app.CreatePersonClient(d.President), d.BlockPresident, d.Block);
        var blockPresident = app.CreatePersonClient(d.BlockPresident);
        var mandal = await Drive.GrantAsync(blockPresident, d.MandalPresident, d.Mandal);
        var booth = await Drive.GrantAsync(blockPresident, d.BoothPresident, d.Booth);
        var underMandal = await Drive.GrantAsync(app.CreatePersonClient(d.MandalPresident), d.BoothSecretary, d.Booth);
        return (d, district, block, mandal, booth, underMandal);
    }

    [Fact]
    public async Task RevokingAGrantRevokesEveryGrantBelowItAtOnceWithTheReasonAudited()
    {
        var (d, district, block, mandal, booth, underMandal) = await SunflowerAsync("Nagaur", "नागौर");
        var other = await District.CreateAsync(app, admin, "Dausa", "दौसा");
        await Drive.GrantAsync(admin, other.President, other.Id);
        var blockPresident = app.CreatePersonClient(d.BlockPresident);

        // Not from below (the district is not even his to see), not one's own, not from beside, not from another district.
        Assert.Equal(HttpStatusCode.NotFound, (await Drive.RevokeAsync(blockPresident, district)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.RevokeAsync(blockPresident, block)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.RevokeAsync(app.CreatePersonClient(d.MandalPresident), booth)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Drive.RevokeAsync(app.CreatePersonClient(other.President), block)).StatusCode);
        var president = app.CreatePersonClient(d.President);
        await Drive.FieldErrorAsync(await Drive.RevokeAsync(president, block, reason: "no"), "Reason");

        var response = await Drive.RevokeAsync(president, block, reason: "Block committee dissolved");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").GetInt32());
        int[] ours = [district, block, mandal, booth, underMandal];
        var revoked = await app.WithDb(db => db.Grants.Where(g => ours.Contains(g.Id) && g.RevokedAt != null).Select(g => g.Id).ToListAsync());
        Assert.Equal(new[] { block, mandal, booth, underMandal }.Order(), revoked.Order());

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=grant-revoke&entityId={block}");
        Assert.Equal("Block committee dissolved", log.GetProperty("rows")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.TryGrantAsync(blockPresident, d.BoothSecretary, d.Mandal)).StatusCode);
        await Drive.FieldErrorAsync(await Drive.RevokeAsync(admin, block), "");
    }

    [Fact]
    public async Task RevokingWithoutCascadeKeepsTheGrantsBelowInForceOneLevelUp()
    {
        var (d, district, block, mandal, booth, underMandal) = await SunflowerAsync("Jhalawar", "झालावाड़");

        var response = await Drive.RevokeAsync(admin, block, cascade: false, reason: "Moved to another district");
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 2), (result.GetProperty("revoked").GetInt32(), result.GetProperty("movedUp").GetInt32()));
        int[] ours = [district, block, mandal, booth, underMandal];
        var grants = await app.WithDb(db => db.Grants.AsNoTracking().Where(g => ours.Contains(g.Id)).ToDictionaryAsync(g => g.Id));
        Assert.NotNull(grants[block].RevokedAt);
        Assert.All(new[] { district, mandal, booth, underMandal }, id => Assert.Null(grants[id].RevokedAt));
        Assert.Equal(district, grants[mandal].ParentId);
        Assert.Equal(district, grants[booth].ParentId);
        Assert.Equal(mandal, grants[underMandal].ParentId);
        // Still in force: the mandal president still answers for what he granted.
        Assert.Equal(HttpStatusCode.OK, (await Drive.RevokeAsync(app.CreatePersonClient(d.MandalPresident), underMandal)).StatusCode);

        // At the top, those below become the war room's own.
        await Drive.RevokeAsync(admin, district, cascade: false, reason: "District committee reconstituted");
        Assert.Null(await app.WithDb(db => db.Grants.Where(g => g.Id == mandal).Select(g => g.ParentId).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await Drive.RevokeAsync(app.CreatePersonClient(d.President), mandal)).StatusCode);
    }
}
