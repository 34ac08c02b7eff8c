using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Cards;

/// <summary>The card pages an office bearer uses: a unit's cards, a member's card, reissuing it from the form.</summary>
public sealed class CardPagesTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    [Fact]
    public async Task AnOfficeBearerFindsTheUnitsCardsAndReplacesALostOneFromTheMembersPage()
    {
        var admin = app.CreateAdminClient();
        var w = await CardWorld.MakeAsync(app, admin, "Karauli", "करौली");
        var member = await w.MemberAsync(nameHi: "सरिता बैरवा", nameEn: "Sarita Bairwa");

        var unit = await w.President.GetStringAsync($"/units/{w.Branch.Block}");
        Assert.Contains($"/units/{w.Branch.Block}/cards", unit);
        var cards = await w.President.GetStringAsync($"/units/{w.Branch.Block}/cards");
        Assert.Contains($"/members/{member.Id}/card", cards);
        Assert.Contains($"/units/{w.Branch.Block}/cards.pdf", cards);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Secretary.GetAsync($"/units/{w.Branch.Block}/cards")).StatusCode);

        var page = await w.President.GetStringAsync($"/members/{member.Id}/card");
        Assert.Contains("सरिता बैरवा", page);
        Assert.Matches(new Regex("[0-9]{3} [0-9]{3} [0-9]{4}"), page);
        var replaced = await Forms.PostAsync(w.President, $"/members/{member.Id}/card?handler=Revoke", page, new() { ["reason"] = "Damaged" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var issues = await app.WithDb(db => db.Cards.Where(c => c.MemberId == member.Id).OrderBy(c => c.Issue)
            .Select(c => new { c.Issue, c.EndReason }).ToListAsync());
        Assert.Equal(2, issues.Count);
        Assert.Equal(CardEnd.Damaged, issues[0].EndReason);
        Assert.Null(issues[1].EndReason);
        // The booth's president replaces cards but may not end one for good: the form does not offer it.
        Assert.DoesNotContain("value=\"Expelled\"", await w.BoothPresident.GetStringAsync($"/members/{member.Id}/card"));
        Assert.Contains("value=\"Expelled\"", await w.President.GetStringAsync($"/members/{member.Id}/card"));
        Assert.Equal(HttpStatusCode.OK, (await w.President.GetAsync("/cards")).StatusCode);
    }
}
