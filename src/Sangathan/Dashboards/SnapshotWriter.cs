using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Dashboards;

/// <summary>
/// Writes a day's snapshot of every unit above the booths and every assembly constituency: members from the one-row
/// totals, seats from the units' own counters, booth coverage from one pass over the booths. Rewriting a day replaces
/// its rows, so running twice (or on two servers) gives the same rows.
/// </summary>
public static class SnapshotWriter
{
    public static async Task<int> WriteAsync(AppDb db, DateOnly day, CancellationToken ct)
    {
        var boothDepth = await db.Levels.MaxAsync(l => (int?)l.Depth, ct) ?? 0;
        var units = await (
            from u in db.Units.AsNoTracking().Where(u => u.Depth < boothDepth)
            join t in db.MemberTotals on u.Id equals t.UnitId into ts
            from t in ts.DefaultIfEmpty()
            select new { u.Id, u.Path, u.SubtreeSeats, u.SubtreeFilled, Joined = t == null ? 0 : t.Joined, Verified = t == null ? 0 : t.Verified, Flagged = t == null ? 0 : t.Flagged })
            .ToListAsync(ct);
        var booths = await (
            from b in db.Units.AsNoTracking().Where(u => u.Depth == boothDepth)
            join t in db.MemberTotals on b.Id equals t.UnitId into ts
            from t in ts.DefaultIfEmpty()
            select new { b.Path, b.AssemblyConstituencyId, b.Seats, b.SeatsFilled, Joined = t == null ? 0 : t.Joined, Verified = t == null ? 0 : t.Verified, Flagged = t == null ? 0 : t.Flagged })
            .ToListAsync(ct);
        var perBooth = await db.Goals.AsNoTracking().Where(g => g.VerifiedPerBooth != null)
            .Select(g => new { g.Kind, g.ScopeId, N = g.VerifiedPerBooth!.Value }).ToListAsync(ct);
        var unitN = perBooth.Where(g => g.Kind == ScopeKind.Unit).ToDictionary(g => g.ScopeId, g => g.N);
        var rootN = units.Where(u => UnitRules.IdsOn(u.Path).Length == 1).Select(u => unitN.GetValueOrDefault(u.Id)).FirstOrDefault(n => n > 0);
        int NOf(string path) => UnitRules.IdsOn(path).Reverse().Select(id => unitN.GetValueOrDefault(id)).FirstOrDefault(n => n > 0) is var n and > 0
            ? n : DashboardRules.DefaultVerifiedPerBooth;

        var rows = units.ToDictionary(u => u.Id, u => new DailySnapshot
        {
            Kind = ScopeKind.Unit, ScopeId = u.Id, Day = day, Joined = u.Joined, Verified = u.Verified, Flagged = u.Flagged,
            Seats = u.SubtreeSeats, SeatsFilled = u.SubtreeFilled,
        });
        var thresholds = units.ToDictionary(u => u.Id, u => NOf(u.Path));
        var acs = new Dictionary<int, DailySnapshot>();
        var acN = perBooth.Where(g => g.Kind == ScopeKind.Constituency).ToDictionary(g => g.ScopeId, g => g.N);
        foreach (var b in booths)
        {
            var full = b.Seats > 0 && b.SeatsFilled >= b.Seats;
            foreach (var id in UnitRules.IdsOn(b.Path)[..^1])
                if (rows.TryGetValue(id, out var row)) Count(row, full, b.SeatsFilled > 0, b.Verified >= thresholds[id]);
            if (b.AssemblyConstituencyId is not { } ac) continue;
            if (!acs.TryGetValue(ac, out var a))
                acs[ac] = a = new DailySnapshot { Kind = ScopeKind.Constituency, ScopeId = ac, Day = day };
            a.Joined += b.Joined;
            a.Verified += b.Verified;
            a.Flagged += b.Flagged;
            a.Seats += b.Seats;
            a.SeatsFilled += b.SeatsFilled;
            var n = acN.TryGetValue(ac, out var own) ? own : rootN > 0 ? rootN : DashboardRules.DefaultVerifiedPerBooth;
            Count(a, full, b.SeatsFilled > 0, b.Verified >= n);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.DailySnapshots.Where(s => s.Day == day).ExecuteDeleteAsync(ct);
        db.DailySnapshots.AddRange(rows.Values.Concat(acs.Values));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count + acs.Count;
    }

    static void Count(DailySnapshot row, bool full, bool withBearer, bool covered)
    {
        row.Booths++;
        if (full) row.BoothsFull++;
        if (withBearer) row.BoothsWithBearer++;
        if (covered) row.BoothsCovered++;
    }
}
