using Microsoft.Extensions.Logging;

namespace Sangathan.Bench;

internal sealed record ProviderResult(BenchDatabase Database, string Version, Dataset Dataset,
    IReadOnlyList<ScenarioResult> Results, DateTimeOffset At, string LoadBefore, string LoadAfter);

/// <summary>The whole benchmark on one database: prepare it, serve the app on Kestrel, time pages, API and raw SQL.</summary>
internal static class ProviderBench
{
    public static async Task<ProviderResult?> RunAsync(string provider, BenchOptions options, ILoggerFactory logging)
    {
        var database = await BenchDatabase.OpenAsync(provider, options);
        await database.PrepareAsync(logging);
        var dataset = await Dataset.CountAsync(database);
        var targets = await Targets.PickAsync(database);
        Console.WriteLine($"{database.Label}: {dataset.Describe()}");
        var loadBefore = Machine.LoadAverage();

        await using var server = new BenchServer(database, logSql: options.ShowSql);
        var address = server.ServeOnKestrel();
        var session = await BenchSignIn.OpenSessionAsync(server.Services);
        using var client = await BenchClient.CreateAsync(address, session);
        var scenarios = Scenario.From(targets, client.FormToken);
        if (options.ShowSql)
        {
            await ShowSqlAsync(client, scenarios);
            return null;
        }

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
            Console.WriteLine($"  {s.Name}: page p50 {page.P50:0.0} ms, p95 {page.P95:0.0} ms; api p95 {api.P95:0.0} ms; " +
                $"raw SQL p50 {raw.P50:0.00} ms, p95 {raw.P95:0.00} ms");
        }
        return new ProviderResult(database, await database.VersionAsync(), dataset, results, DateTimeOffset.UtcNow,
            loadBefore, Machine.LoadAverage());
    }

    /// <summary>One request of each kind with EF Core's SQL logged, to read the queries behind a slow page.</summary>
    static async Task ShowSqlAsync(BenchClient client, IReadOnlyList<Scenario> scenarios)
    {
        foreach (var s in scenarios)
        {
            var request = s.Page(0);
            Console.WriteLine($"==== {s.Name}: {request.Method} {request.RequestUri}");
            await client.SendAsync(request);
        }
    }
}
