using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>
/// Records events that are not changes of data: sign-ins, failed sign-ins, exports, reveals of personal
/// data. Each goes in a transaction of its own unless the caller already has one.
/// </summary>
public sealed class AuditLog(AppDb db, IAuditActor actor, TimeProvider clock)
{
    /// <param name="as">Who, when the request is not yet signed in as them (a sign-in itself).</param>
    public async Task RecordAsync(AuditDraft draft, CancellationToken ct = default, string? @as = null)
    {
        var who = @as is null ? actor : new NamedActor(@as, actor.Ip);
        if (db.Database.CurrentTransaction is not null)
        {
            await AuditWriter.AppendAsync(db, who, clock, [draft], ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditWriter.AppendAsync(db, who, clock, [draft], ct);
        await tx.CommitAsync(ct);
    }

    sealed record NamedActor(string Label, string? Ip) : IAuditActor;
}
