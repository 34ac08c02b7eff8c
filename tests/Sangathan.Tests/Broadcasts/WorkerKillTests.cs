using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>The in-memory app arranges the data but runs no outbox workers: the app process under test is the only sender.</summary>
public sealed class NoWorkers : BroadcastFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Broadcasts:Workers", "false")];
}

/// <summary>
/// A worker killed (SIGKILL) in the middle of a broadcast and started again: every message reaches Kannel's fake SMSC
/// exactly once, counted on the SMSC's side. Rows claimed but never handed over are sent after the restart; rows
/// Kannel took just before the kill are settled by the reports it sends again once the app is back.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed class WorkerKillTests(NoWorkers app) : IClassFixture<NoWorkers>
{
    const int Members = 300, KillAfter = 60;

    [Fact]
    public async Task AWorkerKilledMidBroadcastAndRestartedHandsEachMessageToTheSmscExactlyOnce()
    {
        var admin = app.CreateAdminClient();
        var branch = await new Tree(admin).BranchAsync("Tonk", "टोंक");
        var mobiles = await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "hi", Text = "kill test", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            var members = Enumerable.Range(0, Members).Select(i => new Member
            {
                VoterId = $"KIL{Random.Shared.Next(1_000_000, 9_999_999)}", NameEn = $"Member {i}", NameHi = $"सदस्य {i}", Mobile = Tree.RandomMobile(),
                Category = "general", Age = 30, BoothId = branch.Booth, Source = MemberSource.Field, Status = MemberStatus.Verified, Fee = FeeState.Cash,
                RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            }).DistinctBy(m => m.VoterId).ToList();
            db.SuppressAudit = true;
            db.Members.AddRange(members);
            await db.SaveChangesAsync();
            return members.Select(m => m.Mobile).ToList();
        });
        var id = await Sending.CreateAsync(admin, Sending.Broadcast(branch.Booth, bearers: false, email: false, whatsApp: false));
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateAdminClient().PostAsync($"/api/v1/broadcasts/{id}/approve", null)).StatusCode);

        // The process's settings name its own address (Kannel's reports come back to it), known before it starts.
        var settings = new List<(string, string)>();
        using var worker = new AppProcess(app.Provider, app.ConnectionString, settings);
        settings.AddRange(BroadcastFactory.Common(worker.Address, app.WhatsApp.Address).Concat(Pace));
        await worker.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Received(mobiles).Values.Sum() < KillAfter)
        {
            Assert.True(DateTime.UtcNow < deadline, "The broadcast did not start within a minute.");
            await Task.Delay(20);
        }
        worker.Kill();
        var atKill = Received(mobiles).Values.Sum();
        Assert.True(atKill < mobiles.Count, "The worker was killed only after the broadcast was over.");
        await worker.StartAsync();

        var rows = await Sending.UntilAsync(app.WithDb, id, rs => rs.Count == mobiles.Count && rs.All(r => r.Status == MessageStatus.Delivered),
            TimeSpan.FromSeconds(120));
        var received = Received(mobiles);
        Assert.All(mobiles, m => Assert.Equal(1, received.GetValueOrDefault(m)));
        Assert.Equal(mobiles.Count, rows.Count);
        Assert.Equal("Done", (await Sending.UntilDoneAsync(admin, id)).GetProperty("status").GetString());
    }

    /// <summary>
    /// Forty a second, so that the kill lands in the middle even when a loaded machine starves the test's polling for
    /// seconds; leases of 3 s; and 30 s of grace for Kannel's retried reports, as long as Kannel goes on retrying them
    /// (http-request-retry 30, a second apart, in scripts/lib/services.sh). With 10 s, a restart slowed by a loaded
    /// machine let the reconciler resend two messages whose reports were still on their way.
    /// </summary>
    static readonly (string, string)[] Pace =
    [
        ("Broadcasts:SmsPerSecond", "40"), ("Broadcasts:Batch", "16"), ("Broadcasts:LeaseSeconds", "3"), ("Broadcasts:ReportGraceSeconds", "30"),
    ];

    static Dictionary<string, int> Received(List<string> mobiles)
    {
        var wanted = mobiles.ToHashSet();
        return FakeSmsc.Received().Where(m => wanted.Contains(m.To)).GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
    }
}
