using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>
/// Chains entries that have committed: gives each the next position and the hash of the one before it, in the order
/// it finds them. Sealers on several servers take turns on the chain's end (its head row's lock), so the chain never
/// forks; an entry that commits late is simply sealed in the next round.
/// </summary>
public sealed class AuditSealer(AppDb db)
{
    public const int BatchSize = 2_000;

    /// <summary>Seals up to <see cref="BatchSize"/> entries and says how many it sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        // Looked at first without a lock: an idle sealer then costs one index probe, not a write.
        if (!await db.AuditEntries.AnyAsync(a => a.Seq == null, ct)) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = (await db.Database.SqlQueryRaw<HeadState>(
            "UPDATE \"AuditHeads\" SET \"Count\" = \"Count\" WHERE \"Id\" = 1 RETURNING \"Count\", \"LastHash\"").ToListAsync(ct)).Single();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Seq == null).OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
        var (count, last) = (head.Count, head.LastHash);
        foreach (var e in entries)
        {
            e.Seq = ++count;
            e.PrevHash = last;
            e.Hash = last = AuditChain.HashOf(e);
        }
        // Written without EF's tracking: an import leaves a backlog of a hundred thousand entries, and an UPDATE a
        // row through the change tracker held SQLite's one write lock long enough to stall the import's chunks.
        await Sql.SetByIdAsync(db, "AuditEntries", entries.Select(e => e.Id).ToArray(), ct,
            (nameof(AuditEntry.Seq), entries.Select(e => e.Seq!.Value).ToArray()),
            (nameof(AuditEntry.PrevHash), entries.Select(e => e.PrevHash!).ToArray()),
            (nameof(AuditEntry.Hash), entries.Select(e => e.Hash!).ToArray()));
        await db.AuditHeads.Where(h => h.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Count, count).SetProperty(h => h.LastHash, last), ct);
        await tx.CommitAsync(ct);
        return entries.Count;
    }

    /// <summary>Seals until nothing committed is left unsealed (what commits meanwhile waits for the next round).</summary>
    public async Task SealAllAsync(CancellationToken ct)
    {
        while (await SealAsync(ct) == BatchSize) { }
    }

    /// <summary>The head as the locking statement returns it.</summary>
    sealed class HeadState
    {
        public long Count { get; set; }
        public string LastHash { get; set; } = "";
    }
}
