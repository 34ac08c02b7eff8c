using System.Net;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>The grants page as a phone's browser gets it, in Hindi: the tree, and its forms to authorize and revoke.</summary>
public sealed class GrantsPageTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task AnAuthorizedPresidentAuthorizesAndRevokesThroughThePageInHindi()
    {
        var d = await District.CreateAsync(app, admin, "Rajsamand", "राजसमंद");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        await president.GetAsync("/language/hi?returnUrl=/");

        var page = WebUtility.HtmlDecode(await president.GetStringAsync("/membership/grants"));
        Assert.Contains("lang=\"hi\"", page);
        Assert.Contains("सदस्य बनाने के अधिकार: राजसमंद", page);
        Assert.Contains("दिनेश राजसमंद", page);
        Assert.Contains("किसी को अधिकार दें", page);
        Assert.Contains("href=\"/membership/grants\"", page);

        var posted = await Forms.PostAsync(president, $"/membership/grants?handler=Grant&unitId={d.Id}", page, new()
        {
            ["Input.UnitId"] = d.Block.ToString(), ["Input.Mobile"] = d.BlockPresidentMobile,
            ["Input.Until"] = DateTime.Today.AddMonths(3).ToString("yyyy-MM-dd"), ["Input.Quota"] = "250",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var grant = await app.WithDb(db => db.Grants.AsNoTracking().SingleAsync(g => g.PersonId == d.BlockPresident));
        Assert.Equal(250, grant.Quota);
        Assert.NotNull(grant.ExpiresAt);

        page = WebUtility.HtmlDecode(await president.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains(d.BlockPresidentHi, page);
        Assert.Contains("इनके द्वारा अधिकृत: 1", page);
        Assert.Contains("250 में से 0 सदस्य बनाए", page);

        // The same person twice: the form comes back with the reason, in Hindi.
        var again = await Forms.PostAsync(president, $"/membership/grants?handler=Grant&unitId={d.Id}", page, new()
        {
            ["Input.UnitId"] = d.Block.ToString(), ["Input.PersonId"] = d.BlockPresident.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("इस व्यक्ति के पास इस इकाई का अधिकार पहले से है।", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var form = WebUtility.HtmlDecode(await president.GetStringAsync($"/membership/grants?unitId={d.Id}&revoke={grant.Id}"));
        Assert.Contains("अधिकार रद्द करना", form);
        var shortReason = await Forms.PostAsync(president, $"/membership/grants?handler=Revoke&unitId={d.Id}", form, new()
        {
            ["Revoke.GrantId"] = grant.Id.ToString(), ["Revoke.Cascade"] = "false", ["Revoke.Reason"] = "ok",
        });
        Assert.Contains("यह अधिकार रद्द करने का कारण", WebUtility.HtmlDecode(await shortReason.Content.ReadAsStringAsync()));
        var revoked = await Forms.PostAsync(president, $"/membership/grants?handler=Revoke&unitId={d.Id}", form, new()
        {
            ["Revoke.GrantId"] = grant.Id.ToString(), ["Revoke.Cascade"] = "false", ["Revoke.Reason"] = "पद छोड़ दिया",
        });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.NotNull(await app.WithDb(db => db.Grants.Where(g => g.Id == grant.Id).Select(g => g.RevokedAt).SingleAsync()));
        Assert.Contains(">रद्द<", WebUtility.HtmlDecode(await president.GetStringAsync($"/membership/grants?unitId={d.Id}")));
    }

    [Fact]
    public async Task ThePageIsForThoseWhoReadTheUnitAndTheLinkForTheWarRoomAndHolders()
    {
        var d = await District.CreateAsync(app, admin, "Pratapgarh", "प्रतापगढ़");
        var other = await District.CreateAsync(app, admin, "Banswara", "बांसवाड़ा");
        await admin.GetAsync("/language/hi?returnUrl=/");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/membership/grants"));
        Assert.Contains("lang=\"hi\"", page);
        Assert.Contains("प्रतापगढ़", page);
        Assert.Contains("href=\"/membership/grants\"", page);

        // The booth president holds no grant: no link, and a page with no form; another district's is not there for him.
        var boothPresident = app.CreatePersonClient(d.BoothPresident);
        Assert.DoesNotContain("/membership/grants", await boothPresident.GetStringAsync($"/units/{d.Booth}"));
        var boothPage = await boothPresident.GetStringAsync($"/membership/grants?unitId={d.Booth}");
        Assert.DoesNotContain("handler=Grant", boothPage);
        Assert.Equal(HttpStatusCode.NotFound, (await boothPresident.GetAsync($"/membership/grants?unitId={other.Booth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boothPresident.GetAsync($"/membership/grants?unitId={d.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boothPresident.GetAsync("/membership/grants?unitId=abc")).StatusCode);
    }
}
