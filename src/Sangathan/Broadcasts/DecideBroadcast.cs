using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Broadcasts;

/// <summary>
/// A second person's approval of a large broadcast, and cancelling one (before or while it is sent). Both are for those
/// who may message its part of the tree; the approver must not be its author. Each change is audited.
/// </summary>
public sealed class DecideBroadcast(AppDb db, Door door, IAuditActor actor, TimeProvider clock)
{
    public async Task<Outcome> ApproveAsync(int id, CancellationToken ct)
    {
        var (broadcast, denied) = await FindAsync(id, ct);
        if (broadcast is null) return denied!;
        if (broadcast.CreatedBy == actor.Label)
            return new Outcome(0, [new FieldError("", T("A second person must approve it, not its author."))]) { Forbidden = true };
        if (broadcast.Status != BroadcastStatus.AwaitingApproval)
            return new Outcome(0, [new FieldError("", T("This broadcast is not waiting for approval."))]) { Conflict = true };
        var now = Sql.Utc(clock);
        broadcast.Status = BroadcastStatus.Scheduled;
        broadcast.ApprovedBy = actor.Label;
        broadcast.ApprovedAt = now;
        if (broadcast.SendAt < now) broadcast.SendAt = now;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(id);
    }

    public async Task<Outcome> CancelAsync(int id, CancellationToken ct)
    {
        var (broadcast, denied) = await FindAsync(id, ct);
        if (broadcast is null) return denied!;
        if (broadcast.Status is BroadcastStatus.Done or BroadcastStatus.Cancelled)
            return new Outcome(0, [new FieldError("", T("This broadcast has already ended."))]) { Conflict = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await StopAsync(db, broadcast, actor.Label, Sql.Utc(clock), ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(id);
    }

    /// <summary>
    /// Cancels a broadcast in the caller's transaction: whatever a worker has already claimed goes out; the rest never
    /// will. A meeting's reminder is stopped so when the meeting is cancelled or moved, by whoever may change the meeting.
    /// </summary>
    internal static async Task StopAsync(AppDb db, Broadcast broadcast, string actor, DateTime now, CancellationToken ct)
    {
        if (broadcast.Status is BroadcastStatus.Done or BroadcastStatus.Cancelled) return;
        broadcast.Status = BroadcastStatus.Cancelled;
        broadcast.CancelledAt = now;
        broadcast.CancelledBy = actor;
        await db.SaveChangesAsync(ct);
        await db.BroadcastMessages.Where(m => m.BroadcastId == broadcast.Id && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Cancelled), ct);
    }

    async Task<(Broadcast?, Outcome?)> FindAsync(int id, CancellationToken ct)
    {
        var found = await db.Broadcasts.Where(b => b.Id == id).Join(db.Units, b => b.UnitId, u => u.Id, (b, u) => new { b, u.Path }).FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(found is null ? null : new BroadcastResource(id, found.Path), Operations.Message, ct);
        return opened.Refused ? (null, opened.Refusal) : (found!.b, null);
    }
}
