using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.Messaging;

namespace Sangathan.Broadcasts;

/// <summary>
/// The outbox's workers on this server: one loop that queues broadcasts whose time has come (meetings' reminders among
/// them), settles rows left over by a worker that died (<see cref="Reconciler"/>) and closes finished broadcasts, on one
/// server at a time (the lease "broadcast-tending"); and per channel, loops that claim a batch, send it at the channel's
/// pace, and write what happened, on every server side by side (each row claimed under a lease of its own).
/// </summary>
internal sealed partial class OutboxWorker(IServiceScopeFactory scopes, IOptions<BroadcastOptions> options, IOptions<WhatsAppOptions> whatsApp,
    TimeProvider clock, ILogger<OutboxWorker> log) : BackgroundService
{
    // A broadcast's words never change once written: each server reads them once.
    readonly System.Collections.Concurrent.ConcurrentDictionary<int, Broadcast> texts = new();
    readonly Lease tending = new("broadcast-tending", scopes, clock);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var o = options.Value;
        if (!o.Workers) return;
        var loops = new List<Task> { LoopAsync(TendAsync, stopping) };
        foreach (var channel in new[] { Channel.Sms, Channel.Email, Channel.WhatsApp })
        {
            var pace = new ChannelPace(ChannelPace.PerServer(ChannelPace.GatewayPerSecond(o, channel), o.WorkerServers), clock);
            for (var i = 0; i < o.Loops; i++) loops.Add(LoopAsync(ct => SendAsync(channel, pace, ct), stopping));
        }
        try
        {
            await Task.WhenAll(loops);
        }
        finally
        {
            await LeasedWorker.ReleaseQuietlyAsync(tending);
        }
    }

    async Task LoopAsync(Func<CancellationToken, Task<int>> step, CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            var done = 0;
            try
            {
                done = await step(stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Failed(log, e);
            }
            if (done > 0) continue;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), clock, stopping);
            }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>A round of tending while this server holds its lease; queueing a large audience can outlast the lease's term.</summary>
    async Task<int> TendAsync(CancellationToken ct)
    {
        if (!await tending.HoldAsync(ct)) return 0;
        var done = 0;
        await tending.RunAsync(async held => done = await TendHeldAsync(held), ct);
        return done;
    }

    async Task<int> TendHeldAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var queued = await QueueBroadcast.DueAsync(db, clock, ct);
        var now = Sql.Utc(clock);
        var open = await db.Broadcasts.AsNoTracking()
            .Where(b => b.Status == BroadcastStatus.Sending || (b.Status == BroadcastStatus.Cancelled && b.FinishedAt == null))
            .Select(b => b.Id).ToListAsync(ct);
        foreach (var id in open)
        {
            await Reconciler.RunAsync(db, id, now, TimeSpan.FromSeconds(options.Value.ReportGraceSeconds), ct);
            var unfinished = await db.BroadcastMessages.AnyAsync(m => m.BroadcastId == id && (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sending), ct);
            if (!unfinished)
                await db.Broadcasts.Where(b => b.Id == id && b.FinishedAt == null).ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, b => b.Status == BroadcastStatus.Sending ? BroadcastStatus.Done : b.Status)
                    .SetProperty(b => b.FinishedAt, now), ct);
        }
        return queued;
    }

    async Task<int> SendAsync(Channel channel, ChannelPace pace, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == channel);
        var o = options.Value;
        var sending = await db.Broadcasts.AsNoTracking().Where(b => b.Status == BroadcastStatus.Sending).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        // Several broadcasts at once take turns, batch by batch.
        foreach (var id in sending.OrderBy(_ => Random.Shared.Next()))
        {
            var now = Sql.Utc(clock);
            var lease = now.AddSeconds(o.LeaseSeconds);
            var batch = channel == Channel.Email ? Math.Min(o.Batch, 16) : o.Batch;
            List<Claimed> claimed, overLimit = [];
            if (channel == Channel.WhatsApp)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await WhatsAppQuota.LockAsync(db, ct);
                var room = Math.Min(batch, await WhatsAppQuota.RemainingAsync(db, whatsApp.Value.DailyLimit, now, ct));
                claimed = await Outbox.ClaimAsync(db, id, channel, room == 0 ? batch : room, now, lease, ct);
                if (room == 0) (overLimit, claimed) = (claimed, []);
                await WhatsAppQuota.TakeAsync(db, claimed.Count, now, ct);
                await tx.CommitAsync(ct);
            }
            else claimed = await Outbox.ClaimAsync(db, id, channel, batch, now, lease, ct);
            if (claimed.Count + overLimit.Count == 0) continue;

            var rows = new List<Outbox.Row>();
            if (claimed.Count > 0)
            {
                if (!texts.TryGetValue(id, out var broadcast))
                    texts[id] = broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == id, ct);
                var results = await sender.SendAsync(broadcast, claimed, pace, ct);
                var done = Sql.Utc(clock);
                rows.AddRange(claimed.Zip(results, (c, r) => Row(c, r, done, o)));
            }
            rows.AddRange(overLimit.Select(c => new Outbox.Row(c.Id, MessageStatus.Failed, null, null,
                "WhatsApp's limit of business-initiated conversations for 24 hours is reached.", null, null)));
            // What the gateway said and where the failures go next, committed together.
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await Outbox.RecordAsync(db, rows, ct);
                await Rerouter.RunAsync(db, rows.Where(r => r.Status == MessageStatus.Failed).Select(r => r.Id).ToList(), Sql.Utc(clock), ct);
                await tx.CommitAsync(ct);
            }
            return claimed.Count + overLimit.Count;
        }
        return 0;
    }

    static Outbox.Row Row(Claimed c, SendResult r, DateTime now, BroadcastOptions o) => r.Outcome switch
    {
        SendOutcome.Sent => new(c.Id, MessageStatus.Sent, now, r.GatewayId, null, null, null),
        SendOutcome.Retry when c.Attempts < o.MaxAttempts => new(c.Id, MessageStatus.Queued, null, null, r.Error,
            now.AddSeconds(Math.Min(3_600, o.RetrySeconds * Math.Pow(2, c.Attempts - 1))), null),
        // No answer: it stays Sending, its lease ended now, for the reconciler to settle by the reports that come or do not.
        SendOutcome.Unknown => new(c.Id, MessageStatus.Sending, null, null, r.Error, null, now),
        _ => new(c.Id, MessageStatus.Failed, null, null, r.Error, null, null),
    };

    [LoggerMessage(LogLevel.Warning, "An outbox worker's round failed; trying again shortly")]
    static partial void Failed(ILogger logger, Exception e);
}
