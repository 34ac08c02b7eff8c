using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>What is to be written; the writer fills in position, time and hashes.</summary>
public sealed record AuditDraft(string Action, string? Entity = null, string? EntityId = null,
    string? Before = null, string? After = null, string? Reason = null);

/// <summary>Appends entries to the chain. Must run inside the transaction of the change it records.</summary>
public static class AuditWriter
{
    public static async Task AppendAsync(AppDb db, IAuditActor actor, TimeProvider clock, IReadOnlyList<AuditDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit entries are written in the transaction of the change they record.");

        // One statement takes the head row's lock and reads it: a second writer waits here until this one commits,
        // so the chain never forks, whichever server writes. The lock is held to the commit, so it is taken late
        // (after the change itself is saved) and the entries and the new head then go in one batch.
        var read = await db.Database.SqlQueryRaw<HeadState>(
            "UPDATE \"AuditHeads\" SET \"Count\" = \"Count\" WHERE \"Id\" = 1 RETURNING \"Count\", \"LastHash\"").ToListAsync(ct);
        var head = new AuditHead { Id = 1, Count = read.Single().Count, LastHash = read.Single().LastHash };
        db.Set<AuditHead>().Attach(head);

        var at = AuditChain.Truncate(clock.GetUtcNow());
        foreach (var d in drafts)
        {
            var entry = new AuditEntry
            {
                Seq = ++head.Count, At = at, Actor = actor.Label, Ip = actor.Ip, Action = d.Action, Entity = d.Entity,
                EntityId = d.EntityId, Before = d.Before, After = d.After, Reason = d.Reason, PrevHash = head.LastHash, Hash = "",
            };
            entry.Hash = AuditChain.HashOf(entry);
            head.LastHash = entry.Hash;
            db.Set<AuditEntry>().Add(entry);
        }
        // Said outright: bulk loads switch off change detection, which would miss the new head.
        db.Entry(head).State = EntityState.Modified;
        db.SuppressAudit = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = false;
            db.Entry(head).State = EntityState.Detached;
        }
    }

    /// <summary>The head as the locking statement returns it.</summary>
    sealed class HeadState
    {
        public long Count { get; set; }
        public string LastHash { get; set; } = "";
    }
}
