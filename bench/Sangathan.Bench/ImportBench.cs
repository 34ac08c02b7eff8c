using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Data;
using Sangathan.Demo;

namespace Sangathan.Bench;

internal sealed record ImportResult(string Database, string Version, long FileBytes, int Rows, double CheckSeconds, double CommitSeconds,
    double AgainSeconds, int AgainUnchanged, bool AgainChangedNothing, double RawSeconds, long PeakBytes, long StartBytes, long HighWaterBytes, (long Anon, long File, long Shmem) AtPeak,
    double CheckCpuSeconds, double CommitCpuSeconds, string Load);

/// <summary>
/// Imports the 54,000-booth file into an empty tree (only the state and its districts) through the app's own HTTP
/// API, as the war room's page does: upload, check, commit; then the same file again. Beside it, the same rows
/// written by raw SQL in one transaction. The server runs in its own process, whose memory is sampled over both imports.
/// </summary>
internal static class ImportBench
{
    public static async Task<ImportResult> RunAsync(string provider, BenchOptions options)
    {
        var database = await BenchDatabase.OpenImportAsync(provider, options);
        // The tree's top and the bench's session are made by the app in this process, which is then stopped: the
        // imports run against the app in its own process, whose memory is then the server's alone.
        string session;
        await using (var setup = new BenchServer(database))
        {
            var setupAddress = setup.ServeOnKestrel();
            session = await BenchSignIn.OpenSessionAsync(setup.Services);
            using var setupClient = await BenchClient.CreateAsync(setupAddress, session);
            await SeedDistrictsAsync(setupClient.Http);
        }
        var file = await ImportFile.XlsxAsync();
        using var server = await ServerProcess.StartAsync(database);
        Console.Error.WriteLine($"Import bench: the server is process {server.Id}.");
        using var client = await BenchClient.CreateAsync(server.Address, session);

        using var memory = new MemoryWatch(server);
        var cpu = server.Cpu;
        var clock = Stopwatch.StartNew();
        var id = await UploadAsync(client.Http, file);
        await SettleAsync(client.Http, id);
        var check = clock.Elapsed.TotalSeconds;
        var checkCpu = (server.Cpu - cpu).TotalSeconds;
        cpu = server.Cpu;
        clock.Restart();
        // The file makes the district's blocks, mandals and booths: the war room chooses to make them all.
        (await client.Http.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { makeAll = true })).EnsureSuccessStatusCode();
        var done = await SettleAsync(client.Http, id);
        var commit = clock.Elapsed.TotalSeconds;
        var commitCpu = (server.Cpu - cpu).TotalSeconds;
        if (done.GetProperty("state").GetString() != "Committed") throw new InvalidOperationException("The import did not commit: " + done);
        var rows = done.GetProperty("creates").GetInt32();

        var before = await CountsAsync(database);
        clock.Restart();
        var again = await UploadAsync(client.Http, file);
        await SettleAsync(client.Http, again);
        (await client.Http.PostAsJsonAsync($"/api/v1/imports/{again}/commit", new { })).EnsureSuccessStatusCode();
        var second = await SettleAsync(client.Http, again);
        var againSeconds = clock.Elapsed.TotalSeconds;
        var unchanged = await CountsAsync(database) == before;
        if (second.GetProperty("unchanged").GetInt32() != rows) await ExplainAsync(client.Http, again);
        memory.Dispose();
        var highWater = server.Status("VmHWM");
        server.Dispose();

        clock.Restart();
        await RawInsert.RunAsync(database, ImportFile.Rows().Skip(2).ToList());
        var raw = clock.Elapsed.TotalSeconds;
        return new ImportResult(database.Label, await database.VersionAsync(), file.Length, rows, check, commit, againSeconds,
            second.GetProperty("unchanged").GetInt32(), unchanged, raw, memory.Peak, memory.Start, highWater, memory.AtPeak, checkCpu, commitCpu, Machine.LoadAverage());
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

    static async Task<(long, long, long)> CountsAsync(BenchDatabase database)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        async Task<long> CountAsync(string table)
        {
            await using var command = connection.Command($"SELECT COUNT(*) FROM \"{table}\"");
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        return (await CountAsync("Units"), await CountAsync("People"), await CountAsync("Appointments"));
    }
}

/// <summary>The server process's resident memory (VmRSS in /proc/PID/status), sampled every 100 ms.</summary>
internal sealed class MemoryWatch : IDisposable
{
    readonly CancellationTokenSource stop = new();
    public long Start { get; }
    public long Peak { get; private set; }
    /// <summary>The peak's parts: anonymous memory (the GC's heap, native allocations), mapped files, shared memory (the JIT's double-mapped code).</summary>
    public (long Anon, long File, long Shmem) AtPeak { get; private set; }

    public MemoryWatch(ServerProcess server)
    {
        Peak = Start = server.Status("VmRSS");
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var now = server.Status("VmRSS");
                    if (now > Peak)
                    {
                        Peak = now;
                        AtPeak = (server.Status("RssAnon"), server.Status("RssFile"), server.Status("RssShmem"));
                    }
                }
                catch (IOException) { }
                try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public void Dispose() => stop.Cancel();
}
