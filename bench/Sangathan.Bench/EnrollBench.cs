using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;

namespace Sangathan.Bench;

internal sealed record EnrollResult(string Version, int Clients, int Members, double AppSeconds, double AppRate, double RawRate, int PhotoBytes, string Load,
    CpuSample AppCpu, CpuSample RawCpu, int Warmed, long Jitted, double FloorRate, CpuSample FloorCpu);

/// <summary>
/// Enrollment at the drive's surge: phones posting members (JSON with a 50 KB photo, a different one for each member)
/// to the app over HTTP, eight at once, by many enrollers each under their own grant (as in the field, where each
/// enrollment is one worker's, not one phone's hundredth a minute); beside it pgbench, at the same concurrency against the same server,
/// writing the same six rows in one transaction by hand-written SQL into copies of the app's tables with their indexes.
/// </summary>
internal static class EnrollBench
{
    // The warm-up goes on in rounds until .NET's tiered JIT has (nearly) stopped compiling: a server in a drive runs
    // for days, and its first minutes' slower code is not what it sustains. On a starved machine that takes long.
    // Between rounds a pause, as a server has between the field's bursts: tiered compilation moves hot methods to
    // optimized code on a background thread, which gets no turn while eight clients keep both cores busy.
    static readonly TimeSpan WarmupPause = TimeSpan.FromSeconds(2);
    public const int Clients = 8, Enrollers = 160, Members = 4_000, WarmupRound = 250, MaxWarmupRounds = 16, QuietJit = 40;

    public static async Task<EnrollResult> RunAsync(BenchOptions options)
    {
        var database = await BenchDatabase.OpenFreshAsync("sangathan_enroll");
        var photos = EnrollPhotos.Make(Members + WarmupRound * 2);
        await using var server = new BenchServer(database);
        var address = server.ServeOnKestrel();
        var admin = await BenchSignIn.OpenSessionAsync(server.Services);
        using var client = await BenchClient.CreateAsync(address, admin);
        var (booth, enrollers) = await SeedAsync(client.Http, server.Services);

        // Bodies are made as each is sent, so the bench holds the photos, not thousands of request bodies, in the app's
        // process. Timed members each have their own photo; the warm-up's reuse two rounds' worth. Each is written
        // straight as UTF-8 with its length known, as a phone's app sends it: the bench's own JSON and base64 work,
        // which is the phone's and not the server's, is kept small beside the app's.
        Func<HttpContent> Body(int i) => () =>
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(72 * 1024);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("voterId", $"RJE{1_000_000 + i:D7}");
                json.WriteString("nameEn", $"Member {i}");
                json.WriteString("nameHi", $"सदस्य {i}");
                json.WriteString("mobile", $"+919{100_000_000 + i * 7L}");
                json.WriteString("category", "general");
                json.WriteString("gender", "Male");
                json.WriteNumber("age", 20 + i % 50);
                json.WriteString("village", "Gaon");
                json.WriteString("address", "Ward 1");
                json.WriteNumber("boothId", booth);
                json.WriteBoolean("consent", true);
                json.WriteString("requestKey", Guid.NewGuid().ToString("N"));
                json.WriteBoolean("cashPaid", true);
                json.WriteBase64String("photoBase64", photos[i < Members ? i : Members + i % (WarmupRound * 2)]);
                json.WriteEndObject();
            }
            var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = new("application/json");
            return content;
        };

        // The floor first, while the app is idle: its background workers' backlog would otherwise count as the floor's.
        var (floorRate, floorCpu) = await FloorAsync(enrollers, Body);

        var warmed = 0;
        for (var round = 0; round < MaxWarmupRounds; round++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await PostAllAsync(address, enrollers, [.. Enumerable.Range(Members + warmed, WarmupRound).Select(Body)]);
            warmed += WarmupRound;
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < QuietJit) break;
            await Task.Delay(WarmupPause);
        }
        var postmaster = await PostmasterAsync(database);
        var cpu = CpuMeter.Read(postmaster);
        Console.WriteLine($"Timing {Members:N0} enrollments by {Clients} clients after {warmed:N0} to warm up");
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        await PostAllAsync(address, enrollers, [.. Enumerable.Range(0, Members).Select(Body)]);
        var seconds = clock.Elapsed.TotalSeconds;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        var appCpu = CpuMeter.Read(postmaster) - cpu;

        var (raw, rawCpu) = await RawAsync(database, photos.Take(200).ToList(), enrollers[0], postmaster);
        return new EnrollResult(await database.VersionAsync(), Clients, Members, seconds, Members / seconds, raw,
            (int)photos.Average(p => p.Length), Machine.LoadAverage(), appCpu, rawCpu, warmed, jitted, floorRate, floorCpu);
    }

    /// <summary>The same bodies and clients against <see cref="HttpFloor"/>: warmed up on the warm-up's bodies, then timed.</summary>
    static async Task<(double Rate, CpuSample Cpu)> FloorAsync(List<(string Token, int PersonId, int GrantId)> enrollers, Func<int, Func<HttpContent>> body)
    {
        await using var floor = await HttpFloor.StartAsync();
        for (var round = 0; round < 4; round++)
        {
            await PostAllAsync(floor.Address, enrollers, [.. Enumerable.Range(Members + round * WarmupRound, WarmupRound).Select(body)]);
            await Task.Delay(WarmupPause);
        }
        var cpu = CpuMeter.Read(null);
        var clock = Stopwatch.StartNew();
        await PostAllAsync(floor.Address, enrollers, [.. Enumerable.Range(0, Members).Select(body)]);
        return (Members / clock.Elapsed.TotalSeconds, CpuMeter.Read(null) - cpu);
    }

    /// <summary>The server's main process, the parent of every backend: the database's CPU is read under it.</summary>
    static async Task<int?> PostmasterAsync(BenchDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var backend = (int)(await new NpgsqlCommand("SELECT pg_backend_pid()", connection).ExecuteScalarAsync())!;
        var stat = $"/proc/{backend}/stat";
        if (!File.Exists(stat)) return null; // a server on another machine
        var text = await File.ReadAllTextAsync(stat);
        return int.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One booth; the district's office bearers, each with the war room's grant over the district and a session.</summary>
    static async Task<(int Booth, List<(string Token, int PersonId, int GrantId)> Enrollers)> SeedAsync(HttpClient http, IServiceProvider services)
    {
        async Task<int> Unit(int? parentId, string code, string en, string hi)
        {
            var response = await http.PostAsJsonAsync("/api/v1/units", new { parentId, code, nameEn = en, nameHi = hi });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
        var district = await Unit(await Unit(null, "RJ", "Rajasthan", "राजस्थान"), "RJ-JP", "Jaipur", "जयपुर");
        var booth = await Unit(await Unit(await Unit(district, "B1", "Block 1", "ब्लॉक 1"), "M1", "Mandal 1", "मंडल 1"), "P1", "Booth 1", "बूथ 1");
        var posts = await http.GetFromJsonAsync<JsonElement>("/api/v1/levels");
        var secretary = posts.EnumerateArray().First(l => l.GetProperty("key").GetString() == "district").GetProperty("posts")
            .EnumerateArray().First(p => p.GetProperty("key").GetString() == "secretary").GetProperty("id").GetInt32();

        var enrollers = new List<(string, int, int)>();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var sessions = scope.ServiceProvider.GetRequiredService<Sessions>();
        // Eight district secretaries under the war room's grant; the rest are workers they authorized over the district.
        var secretaries = new List<Grant>();
        for (var i = 0; i < Enrollers; i++)
        {
            int personId;
            if (i < Clients)
            {
                var response = await http.PostAsJsonAsync($"/api/v1/units/{district}/appointments",
                    new { postId = secretary, newPerson = new { nameEn = $"Enroller {i}", nameHi = $"नामांकक {i}", mobile = $"+91980000{i:D4}" } });
                response.EnsureSuccessStatusCode();
                personId = await db.Appointments.Where(a => a.UnitId == district).OrderByDescending(a => a.Id).Select(a => a.PersonId).FirstAsync();
            }
            else
            {
                var worker = new People.Person { NameEn = $"Worker {i}", NameHi = $"कार्यकर्ता {i}", Mobile = $"+91980000{i:D4}" };
                db.People.Add(worker);
                await db.SaveChangesAsync();
                personId = worker.Id;
            }
            var parent = i < Clients ? null : secretaries[i % Clients];
            var grant = new Grant { PersonId = personId, UnitId = district, ParentId = parent?.Id, GrantedByPersonId = parent?.PersonId, CreatedAt = DateTime.UtcNow };
            db.Grants.Add(grant);
            await db.SaveChangesAsync();
            if (i < Clients) secretaries.Add(grant);
            var token = await sessions.OpenAsync(personId, null, TimeSpan.FromHours(2), null);
            enrollers.Add((token, personId, grant.Id));
        }
        return (booth, enrollers);
    }

    /// <summary>Eight connections post in turn, each enrollment as the next enroller; all connections at once.</summary>
    static async Task PostAllAsync(Uri address, List<(string Token, int PersonId, int GrantId)> enrollers, List<Func<HttpContent>> bodies)
    {
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async n =>
        {
            using var http = new HttpClient { BaseAddress = address };
            for (var i = n; i < bodies.Count; i += Clients)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/members") { Content = bodies[i]() };
                request.Headers.Authorization = new("Bearer", enrollers[i % enrollers.Count].Token);
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"Enrollment answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }));
    }

    /// <summary>
    /// pgbench writing what one enrollment writes, in one transaction, by hand-written SQL: the photo (its own row, 50 KB,
    /// stored as the app stores photos), the grant's quota spent, the member with all their columns, their confirmation
    /// link, their count change and an audit entry with the member's columns as JSON, into copies of the app's tables
    /// with all their columns and indexes (LIKE ... INCLUDING ALL). No lookups, no checks, no HTTP: the least the same
    /// durable work costs on this database.
    /// </summary>
    static async Task<(double Rate, CpuSample Cpu)> RawAsync(BenchDatabase database, List<byte[]> photos, (string Token, int PersonId, int GrantId) enroller,
        int? postmaster)
    {
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                "DROP TABLE IF EXISTS raw_members, raw_photos, raw_confirmations, raw_count_changes, raw_audit, raw_grants, bench_photos",
                """CREATE TABLE raw_members (LIKE "Members" INCLUDING ALL)""",
                """CREATE TABLE raw_photos (LIKE "Photos" INCLUDING ALL)""",
                """CREATE TABLE raw_confirmations (LIKE "MemberConfirmations" INCLUDING ALL)""",
                """CREATE TABLE raw_count_changes (LIKE "MemberCountChanges" INCLUDING ALL)""",
                """CREATE TABLE raw_audit (LIKE "AuditEntries" INCLUDING ALL)""",
                """CREATE TABLE raw_grants AS SELECT * FROM "Grants" """, "ALTER TABLE raw_grants ADD PRIMARY KEY (\"Id\")",
                // Stored as the app stores its photos (out of line, not compressed again): the same work per picture.
                "ALTER TABLE raw_photos ALTER COLUMN \"Content\" SET STORAGE EXTERNAL",
                "CREATE TABLE bench_photos (id int PRIMARY KEY, content bytea NOT NULL)",
            })
                await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
            for (var i = 0; i < photos.Count; i++)
                await new NpgsqlCommand("INSERT INTO bench_photos VALUES (@id, @content)", connection)
                    { Parameters = { new("id", i), new("content", photos[i]) } }.ExecuteNonQueryAsync();
        }
        // Each client as one enroller, spending its own grant's quota, as the app's phones do.
        const string script = """
            \set p random(0, 199)
            \set g :client_id + :first_grant
            BEGIN;
            INSERT INTO raw_photos ("Sha256", "ContentType", "Content")
                SELECT md5(random()::text) || md5(random()::text), 'image/jpeg', content FROM bench_photos WHERE id = :p RETURNING "Id" AS photo \gset
            UPDATE raw_grants SET "Enrolled" = "Enrolled" + 1 WHERE "Id" = :g AND ("Quota" IS NULL OR "Enrolled" < "Quota");
            INSERT INTO raw_members ("VoterId", "NameEn", "NameHi", "Mobile", "Category", "Gender", "Age", "Village", "Address", "BoothId",
                "Source", "Status", "Fee", "EnrolledById", "GrantId", "RequestKey", "ConsentNoticeId", "ConsentAt", "CreatedAt", "PhotoId", "PhotoHash")
            VALUES (upper(substr(md5(random()::text), 1, 10)), 'Member', 'सदस्य', '+919' || lpad((random() * 999999999)::bigint::text, 9, '0'),
                'general', 1, 30, 'Gaon', 'Ward 1', 1, 1, 1, 2, :enroller, :g, md5(random()::text), 1, now(), now(), :photo, (random() * 1e15)::bigint)
            RETURNING "Id" AS member \gset
            INSERT INTO raw_confirmations ("MemberId", "TokenHash", "CreatedAt", "ExpiresAt") VALUES (:member, md5(random()::text), now(), now() + interval '3 days');
            INSERT INTO raw_count_changes ("BoothId", "Status", "Category", "Day", "Delta") VALUES (1, 1, 'general', current_date, 1);
            INSERT INTO raw_audit ("At", "Actor", "Ip", "Action", "Entity", "EntityId", "Before", "After", "Reason")
            VALUES (now(), 'person:' || :enroller, '127.0.0.1', 'created', 'Member', :member, NULL,
                '{"VoterId":"RJR1234567","NameEn":"Member","NameHi":"सदस्य","Mobile":"+919812345678","Category":"general","Gender":"Male","Age":30,"Village":"Gaon","Address":"Ward 1","BoothId":1,"Source":"Field","Status":"Unconfirmed","Fee":"Cash","EnrolledById":1,"GrantId":1,"ConsentNoticeId":1,"PhotoId":1,"PhotoHash":123456789}', NULL);
            COMMIT;
            """;
        var variables = new Dictionary<string, string> { ["enroller"] = $"{enroller.PersonId}", ["first_grant"] = $"{enroller.GrantId}" };
        await PgBench.RunAsync(database.ConnectionString, script, Clients, WarmupRound / Clients, variables);
        var cpu = CpuMeter.Read(postmaster);
        var rate = await PgBench.RunAsync(database.ConnectionString, script, Clients, Members / Clients, variables);
        return (rate, CpuMeter.Read(postmaster) - cpu);
    }
}
