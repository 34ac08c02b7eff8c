using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Import;

/// <summary>
/// Runs checks and commits one at a time in the background, on one app server at a time (the lease "imports", held
/// while there is work): the jobs waiting are the database's, so a job uploaded to any server is run by whichever
/// holds the lease, and a job a stopped server left mid-way is taken over: a check starts over (it saved nothing), a
/// commit resumes after its last saved chunk.
/// </summary>
internal sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportWorker> log,
    IOptions<ImportOptions> options, TimeProvider clock) : BackgroundService
{
    /// <summary>How often a server looks for jobs uploaded to another one (its own uploads nudge it at once).</summary>
    public static readonly TimeSpan Look = TimeSpan.FromSeconds(2);

    readonly Lease lease = new("imports", scopes, clock);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    if (await NextAsync(stopping) is not { } job) await lease.ReleaseAsync(stopping);
                    else if (await lease.HoldAsync(stopping))
                    {
                        await lease.RunAsync(async held =>
                        {
                            if (await RunAsync(job, held) >= LargeJobRows) HandBackMemory();
                        }, stopping);
                        continue;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    LookFailed(log, e);
                }
                await queue.WaitAsync(Look, stopping);
            }
        }
        finally
        {
            await LeasedWorker.ReleaseQuietlyAsync(lease);
        }
    }

    const int LargeJobRows = 10_000;

    /// <summary>
    /// A large file's run leaves its whole tree and every person it named (100 MB for 54,000 rows) dead in the oldest
    /// generation, which the GC would collect only when that generation next filled: the next run (the commit after
    /// the check) then built its own on top, and the server's memory held both. One full, compacting collection as a
    /// large run ends (a fraction of a second, a few times an import) hands that memory back first.
    /// </summary>
    static void HandBackMemory() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>The oldest job waiting for a check or a commit, if any.</summary>
    async Task<int?> NextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.ImportJobs.Where(j => j.State == ImportState.Checking || j.State == ImportState.Committing)
            .OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Runs the job's check or commit; returns how many rows its file has, as far as it knows.</summary>
    async Task<int> RunAsync(int jobId, CancellationToken stopping)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(options.Value.TimeLimit);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var state = await db.ImportJobs.Where(j => j.Id == jobId).Select(j => (ImportState?)j.State).FirstOrDefaultAsync(stopping);
        var run = scope.ServiceProvider.GetRequiredService<ImportRun>();
        run.Deadline = clock.GetUtcNow() + options.Value.TimeLimit;
        try
        {
            if (state == ImportState.Checking) await run.CheckAsync(jobId, limit.Token);
            else if (state == ImportState.Committing)
            {
                // A commit started again after some of it was saved (a server stopped, or the time limit cut it off).
                await db.ImportJobs.Where(j => j.Id == jobId && j.CommittedThrough > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Resumes, j => j.Resumes + 1), stopping);
                await run.CommitAsync(jobId, limit.Token);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping (or another took the lease over): the job stays as it is, and is resumed.
            return 0;
        }
        catch (Exception e)
        {
            // Kept as an English template and its arguments, so the report shows it in each reader's language.
            var failure = e switch
            {
                ImportFileException f => string.Join("|", [f.Message, .. f.Args]),
                OperationCanceledException => TooLong(options.Value.TimeLimit),
                _ => "The import stopped on an unexpected error; rows saved before it are kept.",
            };
            if (e is not (ImportFileException or OperationCanceledException)) LogFailed(log, jobId, e);
            using var fresh = scopes.CreateScope();
            var db2 = fresh.ServiceProvider.GetRequiredService<AppDb>();
            await db2.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, ImportState.Failed).SetProperty(j => j.Failure, failure)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
        }
        using var after = scopes.CreateScope();
        return await after.ServiceProvider.GetRequiredService<AppDb>().ImportJobs.Where(j => j.Id == jobId).Select(j => j.Rows)
            .FirstOrDefaultAsync(CancellationToken.None);
    }

    static string TooLong(TimeSpan limit) => limit >= TimeSpan.FromMinutes(1)
        ? "The import took longer than {0} minutes and was stopped.|" + limit.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)
        : "The import took longer than {0} seconds and was stopped.|" + limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    [LoggerMessage(LogLevel.Warning, "Looking for import jobs failed; trying again shortly")]
    static partial void LookFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} failed")]
    static partial void LogFailed(ILogger logger, int jobId, Exception e);
}
