using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Platform;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Meetings;

namespace Sangathan.Tests.Platform;

/// <summary>
/// Issue 21: times are kept in UTC and shown in the party's time zone (Party:TimeZone, India's by default) on every page
/// and export, never in the server's zone or as UTC: a broadcast typed for 10:00 is sent at 04:30 UTC and shown at 10:00.
/// </summary>
public sealed class PartyTimeTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    static readonly PartyTime India = new(Options.Create(new PartyOptions()));

    [Fact]
    public void UtcIsShownInThePartysZoneAndATypedTimeIsReadBackToUtc()
    {
        var utc = new DateTime(2026, 3, 31, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal("01-04-2026 01:30", India.Show(utc));
        Assert.Equal(utc, India.Utc(new DateTime(2026, 4, 1, 1, 30, 0)));
        var nepal = new PartyTime(Options.Create(new PartyOptions { TimeZone = "Asia/Kathmandu" }));
        Assert.Equal("01-04-2026 01:45", nepal.Show(utc));
    }

    [Fact]
    public async Task ABroadcastTypedInThePartysTimeIsKeptInUtcAndShownAsTypedAndTheAuditShowsThePartysTime()
    {
        var (branch, _, _) = await MeetingCalls.OrganizerAndInviteeAsync(app, "Pali", "पाली", "Booth head Pali", "पाली बूथ प्रमुख");
        var admin = app.CreateAdminClient();
        var form = await admin.GetStringAsync($"/broadcasts/new?unit={branch.District}");
        var fields = new Dictionary<string, string>
        {
            ["Input.UnitId"] = branch.District.ToString(), ["Input.Title"] = "Party time", ["Input.OfficeBearers"] = "true", ["Input.Sms"] = "true",
            ["Input.TextHi"] = "नमस्ते {name}", ["Input.TextEn"] = "Hello {name}", ["Input.DltTemplateId"] = "1707000000000000001",
            ["Input.SendAt"] = "2027-01-10T10:00",
        };
        var posted = await Forms.PostAsync(admin, "/broadcasts/new", form, fields);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var id = int.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1]);

        var sendAt = await app.WithDb(db => db.Broadcasts.Where(b => b.Id == id).Select(b => b.SendAt).SingleAsync());
        Assert.Equal(new DateTime(2027, 1, 10, 4, 30, 0), DateTime.SpecifyKind(sendAt, DateTimeKind.Unspecified));
        var show = await admin.GetStringAsync($"/broadcasts/{id}");
        Assert.Contains("10-01-2027 10:00", show);
        var list = await admin.GetStringAsync("/broadcasts");
        Assert.Contains("10-01-2027 10:00", list);
        Assert.DoesNotContain(" UTC", list);

        var last = await app.WithDb(db => db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.At).FirstAsync());
        var audit = await admin.GetStringAsync("/audit");
        Assert.Contains(India.ShowSeconds(last), audit);
        Assert.DoesNotContain(" UTC", audit);
    }
}
