using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Import;

/// <summary>
/// Runs a job's check (what each row would do, nothing saved) or its commit (the valid rows saved, chunk by
/// chunk, each chunk with its report lines and the checkpoint in one transaction). A commit cut off by a stop
/// resumes after its checkpoint: what a chunk saved is either all there or not at all.
/// </summary>
internal sealed class ImportRun(AppDb db, Jurisdiction jurisdiction, ActingFor acting, IAuditActor actor, AuditLog audit, TimeProvider clock,
    IOptions<ImportOptions> options, Membership.BoothLevel booths)
{
    const int ChunkRows = 500;

    /// <summary>For tests: called with the checkpoint after each saved chunk; true stops the commit there, as a server stop would.</summary>
    internal Func<int, bool>? StopAfter { get; set; }

    /// <summary>
    /// When the run must stop, checked before each chunk and before the job is marked done. The caller's token
    /// carries the same limit, but its timer fires on a pool thread, which a busy server may give no turn for a while.
    /// </summary>
    internal DateTimeOffset? Deadline { get; set; }

    public async Task CheckAsync(int jobId, CancellationToken ct)
    {
        var (job, records, planner, _) = await OpenAsync(jobId, committing: false, ct);
        await db.ImportRows.Where(r => r.JobId == jobId).ExecuteDeleteAsync(ct);
        Reset(job);
        // A first pass only counts, for the progress bar; it also finds a broken file before any row is judged.
        job.Rows = records.Count();
        if (job.Rows > options.Value.MaxRows)
            throw new ImportFileException("The file has too many rows: at most {0}.", options.Value.MaxRows.ToString());
        await db.SaveChangesAsync(ct);
        foreach (var chunk in records.Chunk(ChunkRows))
        {
            OnTime(ct);
            var plans = await planner.PlanAsync(chunk, new HashSet<int>(), ct);
            // The report's rows go past EF's change tracker, whose bookkeeping a row cost more than the row itself.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await Sql.InsertAsync(db, "ImportRows", ct,
                (nameof(ImportRowResult.JobId), plans.Select(_ => jobId).ToArray()),
                (nameof(ImportRowResult.Sheet), plans.Select(p => p.Record.Sheet).ToArray()),
                (nameof(ImportRowResult.Number), plans.Select(p => p.Record.Number).ToArray()),
                (nameof(ImportRowResult.Planned), plans.Select(p => (int)p.Outcome).ToArray()),
                (nameof(ImportRowResult.Summary), plans.Select(p => p.Summary()).ToArray()),
                (nameof(ImportRowResult.Problems), plans.Select(p => p.Problems.Count == 0 ? null : JsonSerializer.Serialize(p.Reported())).ToArray()),
                (nameof(ImportRowResult.Include), plans.Select(_ => false).ToArray()));
            Count(job, plans.Select(p => p.Outcome));
            job.HeartbeatAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(job);
            planner.Changes.Clear();
        }
        OnTime(ct);
        await SaveProposalsAsync(job.Id, planner, ct);
        job.State = ImportState.Checked;
        job.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task CommitAsync(int jobId, CancellationToken ct)
    {
        var (job, records, planner, tree) = await OpenAsync(jobId, committing: true, ct);
        var included = (await db.ImportRows.Where(r => r.JobId == jobId && r.Include).Select(r => r.Number).ToListAsync(ct)).ToHashSet();
        if (job.CommittedThrough == 0) Reset(job);
        var chunks = 0;
        foreach (var chunk in records.Where(r => r.Number > job.CommittedThrough).Chunk(ChunkRows))
        {
            OnTime(ct);
            if (IsPowerOfFour(++chunks)) await RefreshStatisticsAsync(ct);
            var plans = await planner.PlanAsync(chunk, included, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var writable = plans.Where(p => p.Outcome is RowOutcome.Create or RowOutcome.Update).ToList();
            var changes = planner.Changes.Where(c => writable.Any(p => p.ChangedUnits.Any(u => ReferenceEquals(u, c.Entity)) || ReferenceEquals(p.Person, c.Entity))).ToList();
            await ChunkWriter.WriteAsync(db, actor, clock, tree, writable, changes, ct);
            foreach (var outcome in plans.GroupBy(p => p.Outcome))
            {
                var numbers = outcome.Select(p => p.Record.Number).ToList();
                await db.ImportRows.Where(r => r.JobId == jobId && numbers.Contains(r.Number))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Done, outcome.Key), ct);
            }
            await ExplainChangedAsync(jobId, plans, ct);
            Count(job, plans.Select(p => p.Outcome));
            job.CommittedThrough = chunk[^1].Number;
            job.HeartbeatAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(job);
            planner.Changes.Clear();
            if (StopAfter?.Invoke(job.CommittedThrough) == true) throw new OperationCanceledException();
        }
        OnTime(ct);
        // And once at the end, for the next file: a second upload right after (a corrected file) is checked against them.
        if (chunks > 1) await RefreshStatisticsAsync(ct);
        job.State = ImportState.Committed;
        job.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditDraft("import", nameof(ImportJob), job.Id.ToString(), null,
            JsonSerializer.Serialize(new { job.FileName, job.FileSha256, job.Creates, job.Updates, job.Unchanged, job.Rejected, job.Duplicates, job.Resumes })), ct);
    }

    /// <summary>
    /// A row the commit judges otherwise than the check did (under a new unit nobody chose to make, say) gets the
    /// commit's problems in the report, so that it says why it was not saved.
    /// </summary>
    async Task ExplainChangedAsync(int jobId, List<RowPlan> plans, CancellationToken ct)
    {
        var (first, last) = (plans[0].Record.Number, plans[^1].Record.Number);
        var checkedRows = await db.ImportRows.Where(r => r.JobId == jobId && r.Number >= first && r.Number <= last)
            .Select(r => new { r.Id, r.Sheet, r.Number, r.Planned }).ToListAsync(ct);
        var byRow = plans.ToDictionary(p => (p.Record.Sheet, p.Record.Number));
        var changed = checkedRows.Where(r => byRow.TryGetValue((r.Sheet, r.Number), out var p) && p.Outcome != r.Planned).ToList();
        await Sql.SetByIdAsync(db, "ImportRows", changed.Select(r => r.Id).ToArray(), ct, (nameof(ImportRowResult.Problems),
            changed.Select(r => byRow[(r.Sheet, r.Number)] is { Problems.Count: > 0 } plan ? JsonSerializer.Serialize(plan.Reported()) : null).ToArray()));
    }

    async Task<(ImportJob, IEnumerable<ImportRecord>, RowPlanner, ImportTree)> OpenAsync(int jobId, bool committing, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        acting.Label = job.ActorLabel;
        var roles = (job.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var access = await jurisdiction.ForAsync(job.PersonId, job.StaffId, roles, ct);
        var content = await db.ImportFiles.Where(f => f.JobId == jobId).Select(f => f.Content).FirstAsync(ct);
        var tree = await ImportTree.LoadAsync(db, await booths.IdAsync(db, ct), ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var records = ImportSource.Records(content, job, options.Value);
        // What the uploader chose for the new units the file names (a check keeps the choices of the one before).
        var choices = await db.ImportProposals.AsNoTracking().Where(p => p.JobId == jobId && p.Kind == ProposalKind.NewUnit && p.Choice != UnitChoice.Undecided)
            .ToDictionaryAsync(p => p.Key, p => p.Choice, ct);
        return (job, records, new RowPlanner(db, tree, new Access.Reach(db, access), today, choices, committing), tree);
    }

    /// <summary>The new units and unknown posts the check found, for the uploader to decide on; replaces those of the check before.</summary>
    async Task SaveProposalsAsync(int jobId, RowPlanner planner, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ImportProposals.Where(p => p.JobId == jobId).ExecuteDeleteAsync(ct);
        var proposals = planner.Proposals.Values.ToList();
        await Sql.InsertAsync(db, "ImportProposals", ct,
            (nameof(ImportProposal.JobId), proposals.Select(_ => jobId).ToArray()),
            (nameof(ImportProposal.Kind), proposals.Select(p => (int)p.Kind).ToArray()),
            (nameof(ImportProposal.Key), proposals.Select(p => p.Key).ToArray()),
            (nameof(ImportProposal.LevelId), proposals.Select(p => p.LevelId).ToArray()),
            (nameof(ImportProposal.Written), proposals.Select(p => p.Written).ToArray()),
            (nameof(ImportProposal.Under), proposals.Select(p => p.Under).ToArray()),
            (nameof(ImportProposal.NearUnitId), proposals.Select(p => p.NearUnitId).ToArray()),
            (nameof(ImportProposal.NearName), proposals.Select(p => p.NearName).ToArray()),
            (nameof(ImportProposal.FirstRow), proposals.Select(p => p.FirstRow).ToArray()),
            (nameof(ImportProposal.Rows), proposals.Select(p => p.Rows).ToArray()),
            (nameof(ImportProposal.Choice), proposals.Select(p => (int)p.Choice).ToArray()));
        await tx.CommitAsync(ct);
    }

    void OnTime(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (clock.GetUtcNow() > Deadline) throw new OperationCanceledException();
    }

    static bool IsPowerOfFour(int n) => (n & (n - 1)) == 0 && (n & 0x55555555) != 0;

    /// <summary>
    /// A file can grow the tables many times over, faster than PostgreSQL's autovacuum notices; on statistics from
    /// before, its planner walks the whole of Units for each recounted booth (a 54,000-row file took 80 s instead of
    /// 40), and the next file's look-ups of people by mobile took 18 ms a chunk instead of 5. Refreshed before chunks
    /// 1, 4, 16, 64, ..., as the tables grow by a factor each time, and after the last: a few times per file.
    /// </summary>
    async Task RefreshStatisticsAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Units\", \"People\", \"Appointments\"", ct);
    }

    static void Reset(ImportJob job)
    {
        job.Processed = job.Creates = job.Updates = job.Unchanged = job.Rejected = job.Duplicates = 0;
        job.Failure = null;
    }

    static void Count(ImportJob job, IEnumerable<RowOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            job.Processed++;
            switch (o)
            {
                case RowOutcome.Create: job.Creates++; break;
                case RowOutcome.Update: job.Updates++; break;
                case RowOutcome.Unchanged: job.Unchanged++; break;
                case RowOutcome.Reject: job.Rejected++; break;
                case RowOutcome.Duplicate: job.Duplicates++; break;
            }
        }
    }
}
