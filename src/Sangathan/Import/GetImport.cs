using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Import;

public sealed record ImportRowView(string Sheet, int Number, RowOutcome Planned, RowOutcome? Done, string? Summary,
    IReadOnlyList<ProblemView> Problems, bool Include);

/// <summary>A problem of a cell, in the reader's language; a note does not stop the row.</summary>
public sealed record ProblemView(string Column, string? Value, string Problem, bool Note = false);

/// <summary>A new unit or unknown post the file names (<see cref="ImportProposal"/>), its level named in the reader's language.</summary>
public sealed record ProposalView(long Id, ProposalKind Kind, string Level, string Written, string? Under, string? Near, int FirstRow, int Rows,
    UnitChoice Choice);

public sealed record ImportView(int Id, string FileName, ImportState State, DateTimeOffset CreatedAt, int Rows, int Processed,
    int Creates, int Updates, int Unchanged, int Rejected, int Duplicates, int CommittedThrough, int Resumes, string? Failure,
    IReadOnlyList<ImportColumn> Columns, IReadOnlyList<ImportRowView> RowPage, int RowTotal, int Page, int PageSize,
    IReadOnlyList<ProposalView> Proposals, int NewUnits, int NewPosts)
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
        var proposals = db.ImportProposals.AsNoTracking().Where(p => p.JobId == id);
        var counts = await proposals.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var shown = await (from p in proposals
                           join l in db.Levels on p.LevelId equals l.Id
                           orderby p.Kind, p.FirstRow, p.Id
                           select new { p, l.NameEn, l.NameHi }).Take(ProposalsShown).ToListAsync(ct);
        return new ImportView(job.Id, job.FileName, job.State, job.CreatedAt, job.Rows, job.Processed, job.Creates, job.Updates,
            job.Unchanged, job.Rejected, job.Duplicates, job.CommittedThrough, job.Resumes, Failure(job.Failure),
            layout?.Columns ?? [], list.Select(View).ToList(), total, page, PageSize,
            shown.Select(x => new ProposalView(x.p.Id, x.p.Kind, Name(x.NameEn, x.NameHi), x.p.Written, x.p.Under, x.p.NearName, x.p.FirstRow,
                x.p.Rows, x.p.Choice)).ToList(),
            counts.FirstOrDefault(c => c.Key == ProposalKind.NewUnit)?.Count ?? 0, counts.FirstOrDefault(c => c.Key == ProposalKind.NewPost)?.Count ?? 0);
    }

    /// <summary>New units and posts listed on the page; a file making 54,000 booths is decided on by "make all".</summary>
    public const int ProposalsShown = 100;

    internal static ImportRowView View(ImportRowResult r) =>
        new(r.Sheet, r.Number, r.Planned, r.Done, r.Summary, Problems(r.Problems), r.Include);

    internal static IReadOnlyList<ProblemView> Problems(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<RowProblem>>(json)!
            .Select(p => new ProblemView(p.Column, p.Value, T(p.Message, Args(p)), p.Note)).ToList();

    /// <summary>A problem's arguments in the reader's language: a level's Indian name in an Indian language, in its script.</summary>
    static object?[] Args(RowProblem p) =>
        (IsIndian && p.ArgsHi is { } hi ? hi.Select((a, i) => i == 0 ? Name(p.Args?[0] ?? a, a) : a) : p.Args ?? []).Cast<object?>().ToArray();

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
