using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

/// <summary>
/// Changes that cannot be taken back ask first (issue 22): ending an appointment asks why, says what it did, and can
/// be undone for a while while the seat is free; saving an appointment says what was saved.
/// </summary>
public sealed class EndingTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient(followRedirects: true);
    Tree Tree => new(admin);

    [Fact]
    public async Task EndingAsksWhySaysWhatItDidAndCanBeUndoneWhileTheSeatIsFree()
    {
        var (_, _, _, booth) = await Tree.BranchAsync("Endpur", "एंडपुर");
        var president = await Tree.PostIdAsync("booth", "president");
        var appointment = await Tree.AppointAsync(booth, president, "Mohan Lal", "मोहन लाल", Tree.RandomMobile());

        var noReason = await admin.PostAsJsonAsync($"/api/v1/appointments/{appointment}/end", new { until = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Single((await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray());

        var ended = await admin.PostAsJsonAsync($"/api/v1/appointments/{appointment}/end", new { reason = "Moved to Jaipur for work" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var said = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(booth, said.GetProperty("unitId").GetInt32());
        Assert.True(said.GetProperty("undoUntil").GetDateTime() > DateTime.UtcNow.AddHours(23));
        Assert.Empty((await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray());

        // Undone: the appointment stands again, the seat is filled again.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/appointments/{appointment}/undo-end", new { })).StatusCode);
        var page = await Tree.UnitJsonAsync(booth);
        Assert.Equal(appointment, Assert.Single(page.GetProperty("officeBearers").EnumerateArray()).GetProperty("appointmentId").GetInt32());
        Assert.Equal(1, page.GetProperty("seatsFilled").GetInt32());

        // Ended again and the seat filled by someone else: the end can no longer be undone.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/appointments/{appointment}/end", new { reason = "Resigned" })).StatusCode);
        await Tree.AppointAsync(booth, president, "Sohan Lal", "सोहन लाल", Tree.RandomMobile());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/appointments/{appointment}/undo-end", new { })).StatusCode);

        // Nor once the while has passed.
        var secretary = await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "secretary"), "Geeta", "गीता", Tree.RandomMobile());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/appointments/{secretary}/end", new { reason = "Resigned" })).StatusCode);
        await app.WithDb(db => db.Appointments.Where(a => a.Id == secretary)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAt, DateTime.UtcNow.AddHours(-25))));
        var late = await admin.PostAsJsonAsync($"/api/v1/appointments/{secretary}/undo-end", new { });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task OnThePagesEndingIsAFormThatAsksWhyAndEveryChangeSaysWhatItDid()
    {
        var (_, _, _, booth) = await Tree.BranchAsync("Pagepur", "पेजपुर");
        var form = await admin.GetStringAsync($"/units/{booth}/appoint");
        var saved = await Forms.PostAsync(admin, $"/units/{booth}/appoint", form, new()
        {
            ["Input.PostId"] = (await Tree.PostIdAsync("booth", "president")).ToString(), ["Input.NameEn"] = "Rekha Meena",
            ["Input.NameHi"] = "रेखा मीणा", ["Input.Mobile"] = Tree.RandomMobile(),
        });
        var unitPage = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Saved: Rekha Meena is now President of Pagepur Booth", unitPage);
        var bearer = Assert.Single((await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray());
        var person = bearer.GetProperty("personId").GetInt32();
        var appointment = bearer.GetProperty("appointmentId").GetInt32();

        // No one-tap end: the button opens a form whose reason is required.
        var personPage = await admin.GetStringAsync($"/people/{person}");
        Assert.DoesNotContain("End this appointment today", personPage);
        Assert.Contains("name=\"reason\" required", personPage);
        var ended = await Forms.PostAsync(admin, $"/people/{person}?handler=End", personPage, new() { ["appointmentId"] = appointment.ToString(), ["reason"] = "Joined another party" });
        var after = await ended.Content.ReadAsStringAsync();
        Assert.Contains("Ended: President, Pagepur Booth", after);
        Assert.Contains("Joined another party", after);
        Assert.Contains("Undo this end", after);

        var undone = await Forms.PostAsync(admin, $"/people/{person}?handler=Undo", after, new() { ["appointmentId"] = appointment.ToString() });
        Assert.Contains("Put back: President, Pagepur Booth", await undone.Content.ReadAsStringAsync());
        Assert.Single((await Tree.UnitJsonAsync(booth)).GetProperty("officeBearers").EnumerateArray());
    }
}
