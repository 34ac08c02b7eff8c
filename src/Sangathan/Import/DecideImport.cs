using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Import;

public sealed record MappingInput(IReadOnlyDictionary<int, string?> Columns);

/// <summary>
/// The choices a commit goes with: duplicates to import anyway (row numbers), and new units to make (proposal ids),
/// or all new units the check listed (<paramref name="MakeAll"/>); a new unit not chosen is not made, and a unit a
/// letter away from one on record is read as that one unless chosen.
/// </summary>
public sealed record CommitInput(IReadOnlyList<int>? Include, IReadOnlyList<long>? Make = null, bool MakeAll = false);

/// <summary>The uploader's decisions on a job: how to read unrecognized columns, which duplicates to keep, and go.</summary>
public sealed class DecideImport(AppDb db, Door door, ImportQueue queue, TimeProvider clock)
{
    /// <summary>Maps columns (index to field, or null to leave a column out), remembers it for files of this shape, and queues the check.</summary>
    public async Task<Outcome> MapAsync(int id, MappingInput input, CancellationToken ct)
    {
        var job = await ImportJobs.Visible(db, await door.CallerAsync(ct)).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Outcome.Missing();
        if (job.State is not (ImportState.NeedsMapping or ImportState.Checked or ImportState.Failed) || job.CommittedThrough > 0)
            return Outcome.Fail(new FieldError("", T("This import can no longer be changed.")));
        var known = ImportHeaders.AllFields.Concat(await db.Levels.Where(l => l.Depth > 0).Select(l => l.Key).ToListAsync(ct)).ToHashSet();
        if (input.Columns.Values.FirstOrDefault(f => f is not null && !known.Contains(f)) is { } unknown)
            return Outcome.Fail(new FieldError("Columns", T("There is no field called {0}.", unknown)));
        var layout = ImportLayout.FromJson(job.Mapping!);
        var used = new HashSet<string>();
        var columns = layout.Columns.Select(c => c with { Field = input.Columns.TryGetValue(c.Index, out var f) ? f : c.Field }).ToList();
        if (columns.FirstOrDefault(c => c.Field is not null && !used.Add(c.Field)) is { } twice)
            return Outcome.Fail(new FieldError("Columns", T("Two columns are mapped to {0}.", twice.Field!)));
        job.Mapping = (layout with { Columns = columns }).ToJson();
        job.State = ImportState.Checking;
        await RememberAsync(job.HeaderSignature!, columns, ct);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return Outcome.Ok(job.Id);
    }

    async Task RememberAsync(string signature, List<ImportColumn> columns, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(columns.Where(c => c.Field is not null).ToDictionary(c => ImportHeaders.Key(c.Header), c => c.Field!));
        var saved = await db.ImportMappings.FirstOrDefaultAsync(m => m.Signature == signature, ct);
        if (saved is null) db.ImportMappings.Add(new ImportMapping { Signature = signature, Mapping = json, UpdatedAt = clock.GetUtcNow() });
        else (saved.Mapping, saved.UpdatedAt) = (json, clock.GetUtcNow());
    }

    /// <summary>The new units to make, as this commit says: a resumed commit keeps the choices it started with.</summary>
    async Task ChooseUnitsAsync(int id, CommitInput input, CancellationToken ct)
    {
        var units = db.ImportProposals.Where(p => p.JobId == id && p.Kind == ProposalKind.NewUnit);
        await units.ExecuteUpdateAsync(s => s.SetProperty(p => p.Choice, p => p.NearUnitId != null ? UnitChoice.UseNear : UnitChoice.Undecided), ct);
        if (input.MakeAll)
            await units.Where(p => p.NearUnitId == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.Choice, UnitChoice.Make), ct);
        if (input.Make is { Count: > 0 } make)
            await units.Where(p => make.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Choice, UnitChoice.Make), ct);
    }

    /// <summary>Commits the checked rows (and the duplicates chosen), or resumes a commit that stopped.</summary>
    public async Task<Outcome> CommitAsync(int id, CommitInput input, CancellationToken ct)
    {
        var job = await ImportJobs.Visible(db, await door.CallerAsync(ct)).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Outcome.Missing();
        var resumable = job.State == ImportState.Failed && job.CommittedThrough > 0;
        if (job.State != ImportState.Checked && !resumable)
            return Outcome.Fail(new FieldError("", T("Only a checked import can be committed.")));
        if (!resumable && input.Include is { Count: > 0 } include)
            await db.ImportRows.Where(r => r.JobId == id && r.Planned == RowOutcome.Duplicate && include.Contains(r.Number))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Include, true), ct);
        if (!resumable) await ChooseUnitsAsync(id, input, ct);
        if (resumable) job.Resumes++;
        job.State = ImportState.Committing;
        job.Failure = null;
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return Outcome.Ok(job.Id);
    }
}
