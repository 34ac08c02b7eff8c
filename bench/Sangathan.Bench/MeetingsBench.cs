using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Data;
using Sangathan.Meetings;

namespace Sangathan.Bench;

internal sealed record MeetingsResult(string Provider, string Database, string Version, int Units, int Meetings, int WithoutThisMonth,
    Timing Page, Timing Api, Timing Without, Timing Raw, string LoadBefore, string LoadAfter);

/// <summary>
/// The per-unit meetings report for a district of 400 units (20 blocks of 19 mandals) with a year of meetings (about two
/// a unit a month; one unit in ten none this month), on a fresh database: the page and the API over HTTP, timed one
/// request at a time, beside the same aggregation in raw SQL on a connection of its own to the same database.
/// </summary>
internal static class MeetingsBench
{
    const int Blocks = 20, MandalsPerBlock = 19;

    public static async Task<MeetingsResult> RunAsync(string provider, BenchOptions options)
    {
        var database = await BenchDatabase.OpenEmptyAsync(provider, options, "meetings");
        await using var server = new BenchServer(database);
        var address = server.ServeOnKestrel();
        var session = await BenchSignIn.OpenSessionAsync(server.Services);
        using var client = await BenchClient.CreateAsync(address, session);
        var (district, units) = await TreeAsync(client.Http);
        var (meetings, without) = await MeetingsAsync(server.Services, units);

        var load = Machine.LoadAverage();
        var month = MeetingRules.MonthOf(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        var page = await Timing.MeasureAsync(_ => GetAsync(client.Http, $"/units/{district}/meetings/report"), options.Warmup, options.Requests);
        var api = await Timing.MeasureAsync(_ => GetAsync(client.Http, $"/api/v1/units/{district}/meetings/report"), options.Warmup, options.Requests);
        var none = await Timing.MeasureAsync(_ => GetAsync(client.Http, $"/api/v1/units/{district}/meetings/report?level=mandal&without=true"),
            options.Warmup, options.Requests);
        var check = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/units/{district}/meetings/report");
        if (check.GetProperty("units").GetArrayLength() != units.Count || check.GetProperty("withoutMeeting").GetInt32() != without)
            throw new InvalidOperationException($"The report does not show the district as seeded: {check.GetProperty("withoutMeeting")} without, {without} seeded.");

        await using var connection = database.Connect();
        await connection.OpenAsync();
        var path = await connection.ListAsync("SELECT \"Path\" FROM \"Units\" WHERE \"Id\" = @id", r => r.GetString(0), ("id", district));
        var raw = await Timing.MeasureAsync(_ => RawAsync(connection, path[0], district, month), options.Warmup, options.Requests);
        return new MeetingsResult(provider, database.Label, await database.VersionAsync(), units.Count, meetings, without, page, api, none, raw,
            load, Machine.LoadAverage());
    }

    static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A district of 20 blocks of 19 mandals under a state, made through the API as the war room would.</summary>
    static async Task<(int District, List<int> Units)> TreeAsync(HttpClient http)
    {
        async Task<int> Unit(int? parent, string code, string en, string hi)
        {
            var response = await http.PostAsJsonAsync("/api/v1/units", new { parentId = parent, code, nameEn = en, nameHi = hi });
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
        var state = await Unit(null, "RJ", "Rajasthan", "राजस्थान");
        var district = await Unit(state, "JP", "Jaipur", "जयपुर");
        var units = new List<int>();
        for (var b = 1; b <= Blocks; b++)
        {
            var block = await Unit(district, $"JP-B{b:00}", $"Block {b}", $"ब्लॉक {b}");
            units.Add(block);
            for (var m = 1; m <= MandalsPerBlock; m++) units.Add(await Unit(block, $"JP-B{b:00}-M{m:00}", $"Mandal {b}.{m}", $"मंडल {b}.{m}"));
        }
        return (district, units);
    }

    /// <summary>About two meetings a unit a month for the last twelve months, with their counters; every tenth unit has none this month.</summary>
    static async Task<(int Meetings, int Without)> MeetingsAsync(IServiceProvider services, List<int> units)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.SuppressAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var now = DateTime.UtcNow;
        var thisMonth = MeetingRules.MonthOf(now, zone);
        var random = new Random(8);
        var count = 0;
        var without = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var quiet = u % 10 == 0;
            if (quiet) without++;
            for (var day = 0; day < 365; day += random.Next(10, 20))
            {
                var starts = now.AddDays(-day).AddHours(-random.Next(0, 8));
                var month = MeetingRules.MonthOf(starts, zone);
                if (quiet && month == thisMonth) continue;
                var invited = random.Next(8, 40);
                var came = random.Next(0, invited + 1);
                db.Meetings.Add(new Meeting
                {
                    UnitId = units[u], Title = "Monthly meeting", StartsAt = starts, EndsAt = starts.AddHours(2), Month = month, Place = "Office",
                    OfficeBearers = true, Status = MeetingStatus.Scheduled, Invited = invited, Came = came, Late = came / 5, CreatedBy = "bench", CreatedAt = starts.AddDays(-3),
                });
                count++;
            }
            if (u % 50 == 49) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
        // The quiet units must have no meeting this month, and the others at least one, for the check above to hold.
        var held = await db.Meetings.Where(m => m.Month == thisMonth).Select(m => m.UnitId).Distinct().CountAsync();
        return (count, units.Count - held);
    }

    /// <summary>The baseline: the subtree's meetings by month, and by unit with this month's count, by hand in SQL.</summary>
    static async Task RawAsync(DbConnection connection, string path, int district, int month)
    {
        var from = MeetingRules.AddMonths(month, -11);
        await using var command = connection.Command("""
            SELECT m."Month", COUNT(*), SUM(m."Invited"), SUM(m."Came")
            FROM "Units" u JOIN "Meetings" m ON m."UnitId" = u."Id"
            WHERE u."Path" >= @path AND u."Path" < @end AND m."Status" = 1 AND m."Month" >= @from
            GROUP BY m."Month";
            SELECT u."Id", u."NameEn", u."NameHi", SUM(CASE WHEN m."Month" = @month THEN 1 ELSE 0 END), COUNT(m."Id"), SUM(m."Invited"), SUM(m."Came"), MAX(m."StartsAt")
            FROM "Units" u LEFT JOIN "Meetings" m ON m."UnitId" = u."Id" AND m."Status" = 1 AND m."Month" >= @from
            WHERE u."Path" >= @path AND u."Path" < @end AND u."Id" <> @unit
            GROUP BY u."Id", u."NameEn", u."NameHi", u."Path"
            ORDER BY u."Path";
            """, ("path", path), ("end", path + "\uffff"), ("from", from), ("month", month), ("unit", district));
        await command.ReadAllAsync();
    }
}
