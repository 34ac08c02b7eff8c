using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Organization;

/// <param name="Summary">The codes of the units it was about.</param>
public sealed record RecutRow(int Id, RecutKind Kind, DateOnly On, string Reason, string Summary, DateTime CreatedAt, string CreatedBy,
    int UnitsMade, int UnitsEnded, int UnitsChanged, int MembersMoved, int AppointmentsMoved, DateTime? RevertedAt, string? RevertReason);

/// <summary>The war room's re-cuts, newest first, each with what it did; for a unit, those that touched it.</summary>
public sealed class ListRecuts(AppDb db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<RecutRow>> RunAsync(int page = 1, CancellationToken ct = default)
    {
        var recuts = await db.Recuts.AsNoTracking().OrderByDescending(r => r.Id).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        var ids = recuts.Select(r => r.Id).ToList();
        var steps = await db.RecutSteps.Where(s => ids.Contains(s.RecutId)).GroupBy(s => new { s.RecutId, s.Kind })
            .Select(g => new { g.Key.RecutId, g.Key.Kind, N = g.Count() }).ToListAsync(ct);
        var moves = await db.MemberMoves.Where(m => ids.Contains(m.RecutId)).GroupBy(m => m.RecutId)
            .Select(g => new { RecutId = g.Key, N = g.Count() }).ToListAsync(ct);
        int Count(int recut, params RecutStepKind[] kinds) => steps.Where(s => s.RecutId == recut && kinds.Contains(s.Kind)).Sum(s => s.N);
        return recuts.Select(r => new RecutRow(r.Id, r.Kind, r.On, r.Reason, r.Summary, r.CreatedAt, r.CreatedBy,
            Count(r.Id, RecutStepKind.UnitStarted), Count(r.Id, RecutStepKind.UnitEnded), Count(r.Id, RecutStepKind.UnitChanged),
            moves.FirstOrDefault(m => m.RecutId == r.Id)?.N ?? 0, Count(r.Id, RecutStepKind.AppointmentStarted, RecutStepKind.AppointmentMoved),
            r.RevertedAt, r.RevertReason)).ToList();
    }
}
