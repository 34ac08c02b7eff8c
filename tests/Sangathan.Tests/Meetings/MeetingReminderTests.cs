using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Broadcasts;
using Sangathan.Tests.Broadcasts;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.SignIn;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// A meeting's reminder, end to end: it waits in the outbox until three hours before the meeting (the app's clock moved
/// on, not waited for), is then queued once by the outbox's scheduler, and not again when the scheduler runs again,
/// and reaches the invitee's phone through the real Kannel and its fake SMSC, once.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed class MeetingReminderTests(MeetingReminderTests.ClockedFactory app) : IClassFixture<MeetingReminderTests.ClockedFactory>
{
    /// <summary>The app with every channel real (see <see cref="BroadcastFactory"/>) on a clock the test moves.</summary>
    public sealed class ClockedFactory : BroadcastFactory
    {
        public TestClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task TheReminderIsQueuedOnceAtItsTimeAndReachesTheInviteeByKannelOnce()
    {
        var (branch, organizer, mobile) = await MeetingCalls.OrganizerAndInviteeAsync(app, "Tonk", "टोंक", "Santosh Kanwar", "संतोष कंवर");
        var admin = app.CreateAdminClient();

        // Three and a half hours ahead: the notice goes now, the reminder in half an hour.
        var id = await MeetingCalls.CreateAsync(organizer, MeetingCalls.Body(branch.District, TimeSpan.FromHours(3.5), members: false));
        var ids = await app.WithDb(db => db.Meetings.Where(m => m.Id == id).Select(m => new { m.NoticeId, m.ReminderId }).SingleAsync());
        int notice = ids.NoticeId!.Value, reminder = ids.ReminderId!.Value;
        Assert.Equal("Done", (await Sending.UntilDoneAsync(admin, notice)).GetProperty("status").GetString());
        await Until(() => FakeSmsc.WholeTo(mobile).Count == 1, "the notice at the SMSC");
        Assert.Equal(0, await app.WithDb(db => db.BroadcastMessages.CountAsync(m => m.BroadcastId == reminder)));
        Assert.Equal(BroadcastStatus.Scheduled, await StatusAsync(reminder));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var rows = await Sending.UntilAsync(app.WithDb, reminder, rs => rs.Count > 0 && rs.All(r => r.Status == MessageStatus.Delivered), TimeSpan.FromSeconds(60));
        Assert.Equal("Done", (await Sending.UntilDoneAsync(admin, reminder)).GetProperty("status").GetString());
        // The district's president and the booth's: one row each, queued by one INSERT ... SELECT.
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Address == mobile);

        // The scheduler again (as its next round, or another server's, would run it): nothing is due, nothing queued.
        Assert.Equal(0, await app.WithDb(db => QueueBroadcast.DueAsync(db, app.Clock, default)));
        Assert.Equal(-1, await app.WithDb(db => QueueBroadcast.RunAsync(db, reminder, app.Clock, default)));
        Assert.Equal(2, await app.WithDb(db => db.BroadcastMessages.CountAsync(m => m.BroadcastId == reminder)));

        await Until(() => FakeSmsc.WholeTo(mobile).Count >= 2, "the reminder at the SMSC");
        var texts = FakeSmsc.WholeTo(mobile);
        Assert.Equal(2, texts.Count);
        Assert.True(texts[1].Contains("reminder") || texts[1].Contains("याद दिलाना"), texts[1]);
        Assert.True(texts[1].Contains("Santosh Kanwar") || texts[1].Contains("संतोष कंवर"), texts[1]);
    }

    Task<BroadcastStatus> StatusAsync(int broadcast) => app.WithDb(db => db.Broadcasts.Where(b => b.Id == broadcast).Select(b => b.Status).SingleAsync());

    static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never came: " + what);
            await Task.Delay(100);
        }
    }
}
