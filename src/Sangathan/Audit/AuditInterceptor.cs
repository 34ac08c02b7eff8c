using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Sangathan.Data;

namespace Sangathan.Audit;

/// <summary>
/// Writes every change of data to the audit log, before and after, in the same transaction as the change:
/// a change is never saved without its entry. One per context (scoped), so its state is that save's.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    List<CapturedChange>? pending;
    IDbContextTransaction? owned;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData data, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (data.Context is not AppDb db || db.SuppressAudit) return result;
        pending = ChangeCapture.Collect(db.ChangeTracker);
        if (pending.Count > 0 && db.Database.CurrentTransaction is null)
            owned = await db.Database.BeginTransactionAsync(ct);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken ct = default)
    {
        if (data.Context is not AppDb db || pending is not { Count: > 0 } changes) return result;
        pending = null;
        await AuditWriter.AppendAsync(db, actor, clock, changes.Select(ChangeCapture.ToDraft).ToList(), ct);
        if (owned is not null)
        {
            await owned.CommitAsync(ct);
            await owned.DisposeAsync();
            owned = null;
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData data, CancellationToken ct = default)
    {
        pending = null;
        if (owned is null) return;
        await owned.RollbackAsync(ct);
        await owned.DisposeAsync();
        owned = null;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData data, InterceptionResult<int> result) =>
        data.Context is AppDb { SuppressAudit: false } db && ChangeCapture.Collect(db.ChangeTracker).Count > 0
            ? throw new InvalidOperationException("Changes are saved with SaveChangesAsync, so that they are audited.")
            : result;
}
