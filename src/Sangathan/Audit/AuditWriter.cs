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
        // Written past EF's change tracker: a chunk of an import writes a thousand entries, and EF's bookkeeping for
        // each cost more than the row. Nothing reads their ids back; the sealer finds them by their empty place.
        await Sql.InsertAsync(db, "AuditEntries", ct,
            (nameof(AuditEntry.At), drafts.Select(_ => at).ToArray()),
            (nameof(AuditEntry.Actor), drafts.Select(_ => actor.Label).ToArray()),
            (nameof(AuditEntry.Ip), drafts.Select(_ => actor.Ip).ToArray()),
            (nameof(AuditEntry.Action), drafts.Select(d => d.Action).ToArray()),
            (nameof(AuditEntry.Entity), drafts.Select(d => d.Entity).ToArray()),
            (nameof(AuditEntry.EntityId), drafts.Select(d => d.EntityId).ToArray()),
            (nameof(AuditEntry.Before), drafts.Select(d => d.Before).ToArray()),
            (nameof(AuditEntry.After), drafts.Select(d => d.After).ToArray()),
            (nameof(AuditEntry.Reason), drafts.Select(d => d.Reason).ToArray()));
    }

    /// <summary>One entry, sent with the statements of the change it records (the batch runs in that change's transaction).</summary>
    internal static void Add(SqlBatch batch, IAuditActor actor, TimeProvider clock, AuditDraft draft) =>
        batch.Add("""
            INSERT INTO "AuditEntries" ("At", "Actor", "Ip", "Action", "Entity", "EntityId", "Before", "After", "Reason")
            VALUES (@at, @actor, @ip, @action, @entity, @entityId, @before, @after, @reason)
            """, ("at", AuditChain.Truncate(clock.GetUtcNow())), ("actor", actor.Label), ("ip", actor.Ip), ("action", draft.Action),
            ("entity", draft.Entity), ("entityId", draft.EntityId), ("before", draft.Before), ("after", draft.After), ("reason", draft.Reason));
}
