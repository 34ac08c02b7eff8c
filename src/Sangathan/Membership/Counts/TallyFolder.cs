using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>
/// Folds the insert-only count changes into the tallies of each booth and every unit above it. One transaction per
/// batch: the tallies grow and exactly the changes read are deleted together, so a crash never counts twice. On
/// PostgreSQL an advisory lock keeps two servers from folding at once (SQLite has one writer anyway).
/// </summary>
public static class TallyFolder
{
    public const int Batch = 5_000;
    const long LockKey = 0x5A6E_7461_6C6C_7931; // any fixed number, the same on every server

    /// <summary>Folds one batch; returns how many changes it folded (0 when there were none).</summary>
    public static async Task<int> FoldAsync(AppDb db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        var changes = await db.MemberCountChanges.AsNoTracking().OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
        if (changes.Count == 0) return 0;

        var boothIds = changes.Select(c => c.BoothId).Distinct().ToList();
        // A booth merged away since still has its chain: its last changes count where it stood.
        var paths = await db.Units.IgnoreQueryFilters().Where(u => boothIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var sums = new TallySums();
        foreach (var c in changes)
            foreach (var unit in paths.TryGetValue(c.BoothId, out var path) ? UnitRules.IdsOn(path) : [c.BoothId])
                sums.Add(unit, c);
        await sums.WriteAsync(db, ct);

        var ids = changes.Select(c => c.Id).ToList();
        foreach (var chunk in ids.Chunk(1_000))
        {
            var some = chunk.ToList();
            await db.MemberCountChanges.Where(c => some.Contains(c.Id)).ExecuteDeleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return changes.Count;
    }

    /// <summary>
    /// Takes the folders' lock in the caller's transaction, for a change that moves tallies between units (a unit moved,
    /// a booth split): no fold then runs between its reading of paths and its commit. SQLite has one writer anyway.
    /// </summary>
    public static async Task LockAsync(AppDb db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql") == true)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
    }

    /// <summary>
    /// INSERT ... ON CONFLICT DO UPDATE adding to the counts: the same statement in SQLite and PostgreSQL. Only the fixed
    /// table and column names given by <see cref="TallySums"/> are spliced in; every value is a parameter.
    /// </summary>
    internal static async Task UpsertAsync(AppDb db, string table, string[] keys, string[] counts,
        List<(object[] Key, long[] Add)> rows, CancellationToken ct)
    {
        var keyList = string.Join(", ", keys.Select(k => $"\"{k}\""));
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({keyList}, {string.Join(", ", counts.Select(c => $"\"{c}\""))}) VALUES ");
        var args = new List<object>();
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            foreach (var value in rows[r].Key.Concat(rows[r].Add.Cast<object>()))
            {
                sql.Append(CultureInfo.InvariantCulture, $"{{{args.Count}}}, ");
                args.Add(value);
            }
            sql.Length -= 2;
            sql.Append(')');
        }
        sql.Append($" ON CONFLICT ({keyList}) DO UPDATE SET ");
        sql.Append(string.Join(", ", counts.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\"")));
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }
}
