using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sangathan.Data;
using Sangathan.Demo;

namespace Sangathan.Bench;

internal sealed record DashboardsResult(string Provider, string Database, string Version, Dataset Dataset, long Members,
    IReadOnlyList<ScenarioResult> Results, string LoadBefore, string LoadAfter);

/// <summary>
/// The war room's dashboards over the full demo with members at scale (bench/run --dashboards --members N): the drive's
/// dashboard of the state, a district, blocks, booths and assembly constituencies, and booth coverage of the state (by
/// district and by constituency), a district and constituencies, each as the page, the API and raw SQL of the same
/// figures. The members are added to the kept full demo once (<see cref="DemoMembers"/>) and stay for the next runs.
/// </summary>
internal static class DashboardsBench
{
    public const double TargetMs = 200;

    public static async Task<DashboardsResult> RunAsync(string provider, BenchOptions options, ILoggerFactory logging)
    {
        var database = await BenchDatabase.OpenAsync(provider, options);
        await database.PrepareAsync(logging);
        await AddMembersAsync(database, options.Members, logging);
        var dataset = await Dataset.CountAsync(database);
        var targets = await PickAsync(database);
        var members = await CountAsync(database, "SELECT COUNT(*) FROM \"Members\"");
        Console.WriteLine($"{database.Label}: {dataset.Describe()}; {members:N0} members");

        await using var server = new BenchServer(database, settings: [("Dashboards:Snapshots", "false")]);
        var address = server.ServeOnKestrel();
        var session = await BenchSignIn.OpenSessionAsync(server.Services);
        using var client = await BenchClient.CreateAsync(address, session);
        var postgres = provider == "postgres";
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-29).ToString("yyyy-MM-dd");
        Scenario Drive(string name, IReadOnlyList<int> ids, string kind, bool ac) => new(name, TargetMs,
            i => new(HttpMethod.Get, $"/{kind}/{ids[i % ids.Count]}/drive"), i => new(HttpMethod.Get, $"/api/v1/{kind}/{ids[i % ids.Count]}/drive"),
            (c, i) => DashboardsRaw.DriveAsync(c, ids[i % ids.Count], ac, postgres, from));
        Scenario Coverage(string name, IReadOnlyList<int> ids, string kind, string cut, Func<DbConnection, int, Task<int>> raw) => new(name, TargetMs,
            i => new(HttpMethod.Get, $"/{kind}/{ids[i % ids.Count]}/coverage?cut={cut}"), i => new(HttpMethod.Get, $"/api/v1/{kind}/{ids[i % ids.Count]}/coverage?cut={cut}"),
            (c, i) => raw(c, ids[i % ids.Count]));
        Scenario[] scenarios =
        [
            Drive("Drive, state", [targets.State], "units", false),
            Drive($"Drive, district (Jaipur)", [targets.Jaipur], "units", false),
            Drive($"Drive, block ({targets.Blocks.Count} random blocks)", targets.Blocks, "units", false),
            Drive($"Drive, booth ({targets.Booths.Count} random booths)", targets.Booths, "units", false),
            Drive($"Drive, assembly constituency ({targets.Acs.Count} random)", targets.Acs, "constituencies", true),
            Coverage("Booth coverage, state by district", [targets.State], "units", "Units", (c, _) => DashboardsRaw.CoverageStateAsync(c, "RegionId")),
            Coverage("Booth coverage, state by constituency", [targets.State], "units", "Constituencies", (c, _) => DashboardsRaw.CoverageStateAsync(c, "AssemblyConstituencyId")),
            Coverage("Booth coverage, district (Jaipur) by constituency", [targets.Jaipur], "units", "Constituencies", DashboardsRaw.CoverageDistrictAsync),
            Coverage($"Booth coverage, assembly constituency ({targets.Acs.Count} random)", targets.Acs, "constituencies", "Units", DashboardsRaw.CoverageAcAsync),
        ];

        var loadBefore = Machine.LoadAverage();
        var results = new List<ScenarioResult>();
        foreach (var s in scenarios)
        {
            var page = await Timing.MeasureAsync(i => client.SendAsync(s.Page(i)), options.Warmup, options.Requests);
            var api = await Timing.MeasureAsync(i => client.SendAsync(s.Api(i)), options.Warmup, options.Requests);
            var raw = await Timing.MeasureAsync(async i =>
            {
                await using var connection = database.Connect();
                await connection.OpenAsync();
                await s.Raw(connection, i);
            }, options.Warmup, options.Requests);
            results.Add(new ScenarioResult(s, page, api, raw));
            Console.WriteLine($"  {s.Name}: page p50 {page.P50:0.0} ms, p95 {page.P95:0.0} ms; api p95 {api.P95:0.0} ms; raw SQL p50 {raw.P50:0.00} ms, p95 {raw.P95:0.00} ms");
        }
        return new DashboardsResult(provider, database.Label, await database.VersionAsync(), dataset, members, results, loadBefore, Machine.LoadAverage());
    }

    /// <summary>Tops the kept demo up to the members asked for (none are ever removed).</summary>
    static async Task AddMembersAsync(BenchDatabase database, int wanted, ILoggerFactory logging)
    {
        var have = await CountAsync(database, "SELECT COUNT(*) FROM \"Members\"");
        if (have >= wanted) return;
        Console.WriteLine($"Adding {wanted - have:N0} members to the {database.Label} demo (once; kept for the next runs)...");
        await using var host = new BenchServer(database.Patient(), settings: [("Dashboards:Snapshots", "false")]);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await DemoMembers.AddAsync(db, (int)(wanted - have), logging.CreateLogger("Sangathan.Demo"), DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
    }

    static async Task<long> CountAsync(BenchDatabase database, string sql)
    {
        await using var c = database.Connect();
        await c.OpenAsync();
        return (await c.ListAsync(sql, r => Convert.ToInt64(r.GetValue(0))))[0];
    }

    sealed record Picks(int State, int Jaipur, IReadOnlyList<int> Blocks, IReadOnlyList<int> Booths, IReadOnlyList<int> Acs);

    static async Task<Picks> PickAsync(BenchDatabase database)
    {
        await using var c = database.Connect();
        await c.OpenAsync();
        var state = (await c.ListAsync("SELECT \"Id\" FROM \"Units\" WHERE \"ParentId\" IS NULL ORDER BY \"Id\" LIMIT 1", r => r.GetInt32(0)))[0];
        var jaipur = (await c.ListAsync("SELECT \"Id\" FROM \"Units\" WHERE \"Code\" = 'RJ-JPR'", r => r.GetInt32(0)))[0];
        var rng = new Random(21);
        var blocks = await c.ListAsync("SELECT \"Id\" FROM \"Units\" WHERE \"Depth\" = 2 ORDER BY \"Id\"", r => r.GetInt32(0));
        var booths = await c.ListAsync("SELECT \"Id\" FROM \"Units\" WHERE \"Depth\" = 4 ORDER BY \"Id\"", r => r.GetInt32(0));
        var acs = await c.ListAsync("SELECT \"Id\" FROM \"Constituencies\" WHERE \"Kind\" = 1 ORDER BY \"Id\"", r => r.GetInt32(0));
        return new Picks(state, jaipur, rng.GetItems(blocks.ToArray(), 50), rng.GetItems(booths.ToArray(), 200), rng.GetItems(acs.ToArray(), 50));
    }
}
