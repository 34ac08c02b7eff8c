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

        // Touching the head row first takes its lock: a second writer waits here until this one commits,
        // so the chain never forks, whichever server writes.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditHeads\" SET \"Count\" = \"Count\" WHERE \"Id\" = 1", ct);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);

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
        db.SuppressAudit = true;
        try
        {
            // Written as a statement, not through change tracking, which bulk loads switch off.
            await db.SaveChangesAsync(ct);
            await db.Set<AuditHead>().Where(h => h.Id == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Count, head.Count).SetProperty(h => h.LastHash, head.LastHash), ct);
        }
        finally
        {
            db.SuppressAudit = false;
        }
    }
}
