using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>What is to be written; the writer fills in who and when, the sealer the chain's position and hashes.</summary>
public sealed record AuditDraft(string Action, string? Entity = null, string? EntityId = null,
    string? Before = null, string? After = null, string? Reason = null);

/// <summary>Appends entries to the log. Must run inside the transaction of the change it records.</summary>
public static class AuditWriter
{
    public static async Task AppendAsync(AppDb db, IAuditActor actor, TimeProvider clock, IReadOnlyList<AuditDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit entries are written in the transaction of the change they record.");

        // The entries go in unchained: chaining here would make every writing transaction wait for the one before it
        // to commit (one lock on the chain's end, held to the commit), so that at the drive's surge enrollments would
        // queue one behind the other. The sealer chains them a moment later, in the order they committed.
        var at = AuditChain.Truncate(clock.GetUtcNow());
        foreach (var d in drafts)
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                At = at, Actor = actor.Label, Ip = actor.Ip, Action = d.Action, Entity = d.Entity,
                EntityId = d.EntityId, Before = d.Before, After = d.After, Reason = d.Reason,
            });
        db.SuppressAudit = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = false;
        }
    }
}
