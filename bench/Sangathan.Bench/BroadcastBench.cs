using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sangathan.Broadcasts;
using Sangathan.Data;

namespace Sangathan.Bench;

internal sealed record BroadcastResult(string Version, int Recipients, IReadOnlyList<double> QueueSeconds, IReadOnlyList<double> RawSeconds,
    int Sent, double SendRate, double RawSendRate, int InFlight, string Load);

/// <summary>
/// A state-wide broadcast at full size on PostgreSQL: a million verified members (made with set-based SQL) queued by the
/// app's one INSERT ... SELECT beside the same rows inserted by hand-written SQL into a copy of the outbox table; then the
/// outbox workers handing messages to Kannel (smsbox, bearerbox, fake SMSC, delivery reports coming back to the app)
/// beside the bench itself calling sendsms with the same messages, as many at once.
/// </summary>
internal static class BroadcastBench
{
    public const int Members = 1_000_000, Booths = 1_000, Districts = 10, Rounds = 2, Sends = 40_000;
    const string DlrSecret = "bench-dlr-secret-0123456789";

    public static async Task<BroadcastResult> RunAsync(BenchOptions options)
    {
        var database = await BenchDatabase.OpenFreshAsync("sangathan_broadcast");
        var (queue, raw) = (new List<double>(), new List<double>());
        int state, district;
        await using (var seeding = new BenchServer(database, settings: [("Broadcasts:Workers", "false")]))
        {
            using var scope = seeding.Services.CreateScope();
            (state, district) = await SeedAsync(database, scope.ServiceProvider.GetRequiredService<AppDb>());
        }
        // A server started afresh on the state's members, enrolled weeks ago: its flag checker takes them as already
        // looked at, as a real server's would. Started beside the seeding, it read the million rows just made during
        // the first round, which was then the slow one in every run.
        await using (var server = new BenchServer(database, settings: [("Broadcasts:Workers", "false")]))
        {
            using var scope = server.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            for (var round = 0; round < Rounds; round++)
            {
                await TruncateAsync(database);
                var id = await NewBroadcastAsync(db, state);
                var clock = Stopwatch.StartNew();
                var rows = await QueueBroadcast.RunAsync(db, id, TimeProvider.System, CancellationToken.None);
                queue.Add(clock.Elapsed.TotalSeconds);
                if (rows != Members) throw new InvalidOperationException($"Queued {rows} rows, not {Members}.");
                raw.Add(await RawInsertAsync(database, id));
                await db.Broadcasts.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Cancelled));
            }
            await TruncateAsync(database);
        }
        var (sent, rate, rawRate, inFlight) = await SendAsync(database, district);
        return new BroadcastResult(await database.VersionAsync(), Members, queue, raw, sent, rate, rawRate, inFlight, Machine.LoadAverage());
    }

    /// <summary>A state, ten districts, a thousand booths (a hundred each) and a million verified members, all by set-based SQL.</summary>
    static async Task<(int State, int District)> SeedAsync(BenchDatabase database, AppDb db)
    {
        Console.WriteLine($"Making {Members:N0} members...");
        var clock = Stopwatch.StartNew();
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 1800 }.ConnectionString);
        await c.OpenAsync();
        async Task<object?> Run(string sql) => await new NpgsqlCommand(sql, c).ExecuteScalarAsync();
        const string columns = """("LevelId", "ParentId", "Code", "NameEn", "NameHi", "NameKey", "Path", "Depth", "Seats", "SeatsFilled", "HoldersWithoutPhoto", "HoldersWithoutMobile", "SubtreeSeats", "SubtreeFilled")""";
        var state = (int)(await Run($"""INSERT INTO "Units" {columns} SELECT l."Id", NULL, 'RJ', 'Rajasthan', 'राजस्थान', 'rajasthan', '/', 0, 0, 0, 0, 0, 0, 0 FROM "Levels" l WHERE l."Depth" = 0 RETURNING "Id" """))!;
        await Run($"""UPDATE "Units" SET "Path" = '/' || "Id" || '/' WHERE "Id" = {state}""");
        await Run($"""
            INSERT INTO "Units" {columns}
            SELECT l."Id", {state}, 'D' || g, 'District ' || g, 'ज़िला ' || g, 'district ' || g, '', 1, 0, 0, 0, 0, 0, 0
            FROM "Levels" l, generate_series(1, {Districts}) g WHERE l."Depth" = 1
            """);
        await Run($"""UPDATE "Units" SET "Path" = '/{state}/' || "Id" || '/' WHERE "ParentId" = {state}""");
        await Run($"""
            INSERT INTO "Units" {columns}
            SELECT l."Id", d."Id", 'P' || d."Id" || '-' || g, 'Booth ' || g, 'बूथ ' || g, 'booth ' || g, d."Path", 4, 0, 0, 0, 0, 0, 0
            FROM "Levels" l, "Units" d, generate_series(1, {Booths / Districts}) g WHERE l."Depth" = 4 AND d."ParentId" = {state}
            """);
        await Run("""UPDATE "Units" SET "Path" = "Path" || "Id" || '/' WHERE "Depth" = 4""");
        var notice = (int)(await Run("""INSERT INTO "ConsentNotices" ("Language", "Text", "Sha256", "CreatedAt") VALUES ('hi', 'bench', md5('bench'), now()) RETURNING "Id" """))!;
        await Run($"""
            INSERT INTO "Members" ("VoterId", "NameEn", "NameHi", "Mobile", "Category", "Gender", "Age", "BoothId", "Source", "Status", "Fee",
                "RequestKey", "ConsentNoticeId", "ConsentAt", "CreatedAt", "Language")
            SELECT 'BEN' || lpad(g::text, 7, '0'), 'Member ' || g, 'सदस्य ' || g, '+919' || lpad(g::text, 9, '0'), 'general', 1, 30, b."Id", 1, 4, 2,
                md5(g::text), {notice}, now() - interval '30 days', now() - interval '30 days', CASE WHEN g % 10 = 0 THEN 'en' ELSE 'hi' END
            FROM generate_series(0, {Members - 1}) g
            JOIN (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS n FROM "Units" WHERE "Depth" = 4) b ON b.n = g % {Booths}
            """);
        await Run("VACUUM ANALYZE");
        var district = (int)(await Run($"""SELECT min("Id") FROM "Units" WHERE "ParentId" = {state}"""))!;
        Console.WriteLine($"Made in {clock.Elapsed.TotalSeconds:0} s.");
        return (state, district);
    }

    static async Task<int> NewBroadcastAsync(AppDb db, int unit, bool later = false)
    {
        var b = new Broadcast
        {
            Title = "Bench", UnitId = unit, Members = true, UseSms = true, TextEn = "Dear {name} of {unit}: the party meets on Sunday.",
            TextHi = "प्रिय {name}, {unit}: रविवार को पार्टी की बैठक है।", SenderId = "SNGTHN", DltTemplateId = "1707161234567890123",
            Status = BroadcastStatus.Scheduled, Audience = Members, CreatedAt = DateTime.UtcNow, SendAt = DateTime.UtcNow, CreatedBy = "bench",
        };
        db.Broadcasts.Add(b);
        await db.SaveChangesAsync();
        return b.Id;
    }

    static async Task TruncateAsync(BenchDatabase database)
    {
        await using var c = new NpgsqlConnection(database.ConnectionString);
        await c.OpenAsync();
        await new NpgsqlCommand("""TRUNCATE "BroadcastMessages"; DROP TABLE IF EXISTS raw_messages; CHECKPOINT""", c).ExecuteNonQueryAsync();
    }

    /// <summary>The baseline: the same million rows, hand-written, into a copy of the outbox with its indexes.</summary>
    static async Task<double> RawInsertAsync(BenchDatabase database, int broadcast)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 600 }.ConnectionString);
        await c.OpenAsync();
        await new NpgsqlCommand("""CREATE TABLE raw_messages (LIKE "BroadcastMessages" INCLUDING ALL); CHECKPOINT""", c).ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        var rows = await new NpgsqlCommand($"""
            INSERT INTO raw_messages ("BroadcastId", "RecipientKind", "RecipientId", "Channel", "Address", "Language", "Name", "UnitName", "PostName",
                "Status", "Attempts", "NextAttemptAt")
            SELECT {broadcast}, 2, m."Id", 1, m."Mobile", m."Language", CASE WHEN m."Language" = 'en' THEN m."NameEn" ELSE m."NameHi" END,
                CASE WHEN m."Language" = 'en' THEN u."NameEn" ELSE u."NameHi" END, CASE WHEN m."Language" = 'en' THEN 'Member' ELSE 'सदस्य' END, 0, 0, now()
            FROM "Members" m JOIN "Units" u ON u."Id" = m."BoothId"
            WHERE m."Status" = 4 AND m."OptedOutAt" IS NULL
            ON CONFLICT DO NOTHING
            """, c).ExecuteNonQueryAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        if (rows != Members) throw new InvalidOperationException($"The raw insert wrote {rows} rows.");
        return seconds;
    }

    /// <summary>
    /// The workers sending one district's 100,000 members to Kannel, timed over <see cref="Sends"/> messages after the
    /// first thousand (counted in the outbox as taken by Kannel); then the bench's own sendsms calls, as many in flight.
    /// </summary>
    static async Task<(int Sent, double Rate, double RawRate, int InFlight)> SendAsync(BenchDatabase database, int district)
    {
        var kannel = Environment.GetEnvironmentVariable("SANGATHAN_KANNEL_URL") ?? throw new InvalidOperationException("Kannel is not running: use bench/run --broadcast.");
        var port = FreePort();
        const int batch = 50, loops = 4;
        await using var server = new BenchServer(database, settings:
        [
            ("Sms:Gateway", "kannel"), ("Sms:Kannel:BaseUrl", kannel), ("Sms:Kannel:Username", Environment.GetEnvironmentVariable("SANGATHAN_KANNEL_USER")!),
            ("Sms:Kannel:Password", Environment.GetEnvironmentVariable("SANGATHAN_KANNEL_PASSWORD")!),
            ("Sms:Kannel:DlrUrl", $"http://127.0.0.1:{port}/api/v1/sms/dlr"), ("Sms:Kannel:DlrSecret", DlrSecret),
            ("Broadcasts:Batch", $"{batch}"), ("Broadcasts:Loops", $"{loops}"), ("Broadcasts:SmsPerSecond", "100000"), ("Broadcasts:PollMilliseconds", "100"),
            ("Urls", $"http://127.0.0.1:{port}"),
        ]);
        server.ServeOn(port);
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var id = await NewBroadcastAsync(db, district);
        async Task<int> Handed() => await db.BroadcastMessages.CountAsync(m => m.BroadcastId == id && m.Status >= MessageStatus.Sent && m.Status <= MessageStatus.Failed);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (await Handed() < 1_000)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The workers did not start sending.");
            await Task.Delay(50);
        }
        var (from, clock) = (await Handed(), Stopwatch.StartNew());
        int now;
        while ((now = await Handed()) < from + Sends)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The workers sent {now - from} in ten minutes.");
            await Task.Delay(100);
        }
        var rate = (now - from) / clock.Elapsed.TotalSeconds;
        await db.Broadcasts.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Cancelled));
        await db.BroadcastMessages.Where(m => m.BroadcastId == id && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Cancelled));
        await Task.Delay(3_000); // what the workers had claimed goes out, and its reports come in
        var rawRate = await RawSendAsync(kannel, port, batch * loops);
        return (now - from, rate, rawRate, batch * loops);
    }

    /// <summary>The bench calling sendsms itself: the same kind of message and parameters, as many in flight, over keep-alive.</summary>
    static async Task<double> RawSendAsync(string kannel, int appPort, int inFlight)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var user = Uri.EscapeDataString(Environment.GetEnvironmentVariable("SANGATHAN_KANNEL_USER")!);
        var password = Uri.EscapeDataString(Environment.GetEnvironmentVariable("SANGATHAN_KANNEL_PASSWORD")!);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Sends)
            {
                var text = Uri.EscapeDataString($"प्रिय सदस्य {i}, बूथ {i % 100}: रविवार को पार्टी की बैठक है।");
                var dlr = Uri.EscapeDataString($"http://127.0.0.1:{appPort}/api/v1/sms/dlr/{DlrSecret}?ref={900_000_000 + i}&status=%d&reply=%A&fid=%F");
                var url = $"{kannel}/cgi-bin/sendsms?username={user}&password={password}&to=%2B918{i:D9}&text={text}&charset=UTF-8&coding=2" +
                          $"&from=SNGTHN&dlr-mask=27&dlr-url={dlr}";
                using var response = await http.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"sendsms answered {(int)response.StatusCode}");
            }
        }));
        return Sends / clock.Elapsed.TotalSeconds;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
