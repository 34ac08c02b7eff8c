using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>
/// Sign-in is by mobile, so whoever changes someone's mobile can take over their account: a person may be edited only
/// by someone whose rights cover every post that person holds. Grants to enroll give no rights over people.
/// </summary>
public sealed class PersonEditRightsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task ABoothPresidentCannotEditSomeoneWhoAlsoHoldsAPostOutsideHisJurisdiction()
    {
        var tree = new Tree(admin);
        var here = await tree.BranchAsync("Tonk", "टोंक");
        var there = await tree.BranchAsync("Hanumangarh", "हनुमानगढ़");
        var member = await tree.PostIdAsync("booth", "committee-member");
        var boothPresident = await PersonAsync(await tree.AppointAsync(here.Booth, await tree.PostIdAsync("booth", "president"), "Bhanwar Meena", "भंवर मीणा", Tree.RandomMobile()));
        var onlyHere = await PersonAsync(await tree.AppointAsync(here.Booth, member, "Kamla Devi", "कमला देवी", Tree.RandomMobile()));
        var bothMobile = Tree.RandomMobile();
        var both = await PersonAsync(await tree.AppointAsync(here.Booth, member, "Ramesh Jat", "रमेश जाट", bothMobile));
        var outside = await admin.PostAsJsonAsync($"/api/v1/units/{there.Booth}/appointments", new { postId = member, personId = both });
        Assert.Equal(HttpStatusCode.Created, outside.StatusCode);
        // A grant to enroll at his booth changes nothing: it is a right to enroll, not a right over people.
        await Drive.GrantAsync(admin, boothPresident, here.Booth);

        var client = app.CreatePersonClient(boothPresident);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{both}")).StatusCode);
        var takeover = await client.PutAsJsonAsync($"/api/v1/people/{both}", new { nameEn = "Ramesh Jat", nameHi = "रमेश जाट", mobile = Tree.RandomMobile() });
        Assert.Equal(HttpStatusCode.Forbidden, takeover.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/people/{both}/edit")).StatusCode);
        Assert.Equal(bothMobile, await app.WithDb(db => db.People.Where(p => p.Id == both).Select(p => p.Mobile).SingleAsync()));

        var allowed = await client.PutAsJsonAsync($"/api/v1/people/{onlyHere}", new { nameEn = "Kamla Devi", nameHi = "कमला देवी", mobile = Tree.RandomMobile() });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        // Once the post outside has ended, every post the person holds is in his jurisdiction.
        var ended = await admin.PostAsJsonAsync($"/api/v1/appointments/{(await outside.Content.ReadFromJsonAsync<Tree.Ids>())!.Id}/end", new { reason = "Stepped down" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/people/{both}", new { nameEn = "Ramesh Jat", nameHi = "रमेश जाट", mobile = bothMobile })).StatusCode);
    }

    Task<int> PersonAsync(int appointmentId) =>
        app.WithDb(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.PersonId).SingleAsync());
}
