using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Data;
using Sangathan.Demo;

namespace Sangathan.Bench;

internal sealed record ImportResult(string Database, string Version, long FileBytes, int Rows, double CheckSeconds, double CommitSeconds,
    double AgainSeconds, int AgainUnchanged, bool AgainChangedNothing, double RawSeconds, long PeakBytes, long StartBytes, long PeakGcBytes, string Load);

/// <summary>
/// Imports the 54,000-booth file into an empty tree (only the state and its districts) through the app's own HTTP
/// API, as the war room's page does: upload, check, commit; then the same file again. Beside it, the same rows
/// written by raw SQL in one transaction. The process's memory is sampled over both imports.
/// </summary>
internal static class ImportBench
{
    public static async Task<ImportResult> RunAsync(string provider, BenchOptions options)
    {
        var database = await BenchDatabase.OpenImportAsync(provider, options);
        var file = await ImportFile.XlsxAsync();
        await using var server = new BenchServer(database);
        var address = server.ServeOnKestrel();
        var session = await BenchSignIn.OpenSessionAsync(server.Services);
        using var client = await BenchClient.CreateAsync(address, session);
        await SeedDistrictsAsync(client.Http);

        // What the bench itself allocated (the file, built in memory) is handed back to the system before the watch
        // starts, so that the peak is the imports' own.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var memory = new MemoryWatch();
        var clock = Stopwatch.StartNew();
        var id = await UploadAsync(client.Http, file);
        await SettleAsync(client.Http, id);
        var check = clock.Elapsed.TotalSeconds;
        clock.Restart();
        (await client.Http.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { })).EnsureSuccessStatusCode();
        var done = await SettleAsync(client.Http, id);
        var commit = clock.Elapsed.TotalSeconds;
        if (done.GetProperty("state").GetString() != "Committed") throw new InvalidOperationException("The import did not commit: " + done);
        var rows = done.GetProperty("creates").GetInt32();

        var before = await CountsAsync(server.Services);
        clock.Restart();
        var again = await UploadAsync(client.Http, file);
        await SettleAsync(client.Http, again);
        (await client.Http.PostAsJsonAsync($"/api/v1/imports/{again}/commit", new { })).EnsureSuccessStatusCode();
        var second = await SettleAsync(client.Http, again);
        var againSeconds = clock.Elapsed.TotalSeconds;
        var unchanged = await CountsAsync(server.Services) == before;
        if (second.GetProperty("unchanged").GetInt32() != rows) await ExplainAsync(client.Http, again);
        // The baseline below is the bench's own work, not the server's: memory is watched over the two imports only.
        memory.Dispose();

        clock.Restart();
        await RawInsert.RunAsync(database, ImportFile.Rows().Skip(2).ToList());
        var raw = clock.Elapsed.TotalSeconds;
        return new ImportResult(database.Label, await database.VersionAsync(), file.Length, rows, check, commit, againSeconds,
            second.GetProperty("unchanged").GetInt32(), unchanged, raw, memory.Peak, memory.Start, memory.PeakHeap, Machine.LoadAverage());
    }

    static async Task SeedDistrictsAsync(HttpClient http)
    {
        var state = await http.PostAsJsonAsync("/api/v1/units", new { code = "RJ", nameEn = "Rajasthan", nameHi = "राजस्थान" });
        state.EnsureSuccessStatusCode();
        var stateId = (await state.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        foreach (var d in DemoSource.Districts())
            (await http.PostAsJsonAsync("/api/v1/units", new { parentId = stateId, code = d.Code, nameEn = d.NameEn, nameHi = d.NameHi }))
                .EnsureSuccessStatusCode();
    }

    static async Task<int> UploadAsync(HttpClient http, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "booths.xlsx" } };
        var response = await http.PostAsync("/api/v1/imports/", form);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static async Task<JsonElement> SettleAsync(HttpClient http, int id)
    {
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (job.GetProperty("state").GetString() is not ("Checking" or "Committing")) return job;
            await Task.Delay(250);
        }
    }

    /// <summary>Prints the first rows the second import did not leave unchanged, so a failing run says why.</summary>
    static async Task ExplainAsync(HttpClient http, int id)
    {
        foreach (var outcome in new[] { "Create", "Update", "Reject", "Duplicate" })
        {
            var job = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}?outcome={outcome}");
            foreach (var row in job.GetProperty("rowPage").EnumerateArray().Take(3))
                Console.Error.WriteLine($"Second import, {outcome} of {job.GetProperty("rowTotal")}: {row}");
        }
    }

    static async Task<(int, int, int)> CountsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return (await db.Units.CountAsync(), await db.People.CountAsync(), await db.Appointments.CountAsync());
    }
}

/// <summary>The process's resident memory, sampled every 100 ms: the app and the bench share the process.</summary>
internal sealed class MemoryWatch : IDisposable
{
    readonly CancellationTokenSource stop = new();
    public long Start { get; } = Environment.WorkingSet;
    public long Peak { get; private set; }
    /// <summary>The most memory the GC held, of which the resident size is the larger part.</summary>
    public long PeakHeap { get; private set; }

    public MemoryWatch()
    {
        Peak = Start;
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Peak = Math.Max(Peak, Environment.WorkingSet);
                PeakHeap = Math.Max(PeakHeap, GC.GetGCMemoryInfo().TotalCommittedBytes);
                try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public void Dispose() => stop.Cancel();
}
