using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Import;

public sealed record ImportRowView(string Sheet, int Number, RowOutcome Planned, RowOutcome? Done, string? Summary,
    IReadOnlyList<ProblemView> Problems, bool Include);

/// <summary>A problem of a cell, in the reader's language.</summary>
public sealed record ProblemView(string Column, string? Value, string Problem);

public sealed record ImportView(int Id, string FileName, ImportState State, DateTimeOffset CreatedAt, int Rows, int Processed,
    int Creates, int Updates, int Unchanged, int Rejected, int Duplicates, int CommittedThrough, int Resumes, string? Failure,
    IReadOnlyList<ImportColumn> Columns, IReadOnlyList<ImportRowView> RowPage, int RowTotal, int Page, int PageSize)
{
    public int Percent => Rows == 0 ? (State is ImportState.Checked or ImportState.Committed ? 100 : 0) : Math.Min(100, 100 * Processed / Rows);
    public bool Running => State is ImportState.Checking or ImportState.Committing;
}

/// <summary>A job's state and a page of its report, for its uploader or the war room only.</summary>
public sealed class GetImport(AppDb db, Door door)
{
    public const int PageSize = 50;

    public async Task<ImportView?> RunAsync(int id, RowOutcome? outcome, int page, CancellationToken ct)
    {
        var job = await ImportJobs.Visible(db, await door.CallerAsync(ct)).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return null;
        var rows = db.ImportRows.AsNoTracking().Where(r => r.JobId == id);
        if (outcome is { } o) rows = rows.Where(r => (r.Done ?? r.Planned) == o);
        page = Math.Max(1, page);
        // The progress bar asks a few times a second: its count is the job's own while rows are being reported or all are.
        var total = outcome is not null ? await rows.CountAsync(ct)
            : job.State == ImportState.Checking ? job.Processed
            : job.State is ImportState.Checked or ImportState.Committing or ImportState.Committed ? job.Rows
            : await rows.CountAsync(ct);
        var list = await rows.OrderBy(r => r.Number).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var layout = job.Mapping is null ? null : ImportLayout.FromJson(job.Mapping);
        return new ImportView(job.Id, job.FileName, job.State, job.CreatedAt, job.Rows, job.Processed, job.Creates, job.Updates,
            job.Unchanged, job.Rejected, job.Duplicates, job.CommittedThrough, job.Resumes, Failure(job.Failure),
            layout?.Columns ?? [], list.Select(View).ToList(), total, page, PageSize);
    }

    internal static ImportRowView View(ImportRowResult r) =>
        new(r.Sheet, r.Number, r.Planned, r.Done, r.Summary, Problems(r.Problems), r.Include);

    internal static IReadOnlyList<ProblemView> Problems(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<RowProblem>>(json)!
            .Select(p => new ProblemView(p.Column, p.Value, T(p.Message, (IsHindi ? p.ArgsHi ?? p.Args : p.Args) ?? []))).ToList();

    internal static string? Failure(string? stored) =>
        stored?.Split('|') is { } parts ? T(parts[0], parts[1..]) : null;
}

/// <summary>Whose jobs a caller sees: their own, and the war room everyone's.</summary>
internal static class ImportJobs
{
    public static IQueryable<ImportJob> Visible(AppDb db, Access.Access access) =>
        access.ReadsAll ? db.ImportJobs
        : access.SignedIn ? db.ImportJobs.Where(j => j.PersonId == access.PersonId && j.StaffId == access.StaffId)
        : db.ImportJobs.Where(j => false);
}
