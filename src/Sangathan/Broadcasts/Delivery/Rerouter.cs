using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// A message that failed for good on one channel goes on by the recipient's next one (preferred, then SMS, then
/// e-mail): a new outbox row, queued now, and the failed row marked Rerouted. With no next channel it stays Failed.
/// The unique index keeps a second row from ever going to an address already queued.
/// </summary>
internal static class Rerouter
{
    public static async Task RunAsync(AppDb db, IReadOnlyList<long> failedIds, DateTime now, CancellationToken ct)
    {
        if (failedIds.Count == 0) return;
        var rows = await db.BroadcastMessages.AsNoTracking().Where(m => failedIds.Contains(m.Id) && m.Status == MessageStatus.Failed).ToListAsync(ct);
        var broadcasts = await db.Broadcasts.AsNoTracking().Where(b => rows.Select(r => r.BroadcastId).Distinct().Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, ct);
        // The caller's transaction holds the failure and its next row together: a broadcast is never seen with nothing
        // left to send while a message is on its way to another channel.
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Rerouting runs in the transaction that records the failure.");
        var moved = new List<long>();
        foreach (var row in rows)
        {
            var broadcast = broadcasts[row.BroadcastId];
            if (broadcast.Status == BroadcastStatus.Cancelled) continue;
            var contact = await ContactAsync(db, row.RecipientKind, row.RecipientId, ct);
            if (contact is null) continue;
            var stopped = await StoppedAsync(db, contact, ct);
            var next = ChannelOrder.Next(row.Channel, contact.Preferred, AudienceSpec.ChannelsOf(broadcast),
                c => contact.Address(c) is { } a && !stopped.Contains((c, StopChannel.Key(c, a))) ? a : null);
            if (next is not { } channel) continue;
            var address = contact.Address(channel)!;
            if (!await db.BroadcastMessages.AnyAsync(m => m.BroadcastId == row.BroadcastId && m.Channel == channel && m.Address == address, ct))
                db.BroadcastMessages.Add(new BroadcastMessage
                {
                    BroadcastId = row.BroadcastId, RecipientKind = row.RecipientKind, RecipientId = row.RecipientId, Channel = channel,
                    Address = address, Language = row.Language, Name = row.Name, UnitName = row.UnitName, PostName = row.PostName,
                    Status = MessageStatus.Queued, NextAttemptAt = now,
                });
            moved.Add(row.Id);
        }
        // Outbox rows are the messaging's own bookkeeping, not the party's data: the broadcast itself is audited.
        db.SuppressAudit = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = false;
        }
        await db.BroadcastMessages.Where(m => moved.Contains(m.Id) && m.Status == MessageStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Rerouted), ct);
        // A late report (the phone never got it) can reroute a message of a broadcast already done: it is under way again.
        var reopened = rows.Where(r => moved.Contains(r.Id)).Select(r => r.BroadcastId).Distinct().ToList();
        await db.Broadcasts.Where(b => reopened.Contains(b.Id) && b.Status == BroadcastStatus.Done)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Sending).SetProperty(b => b.FinishedAt, (DateTime?)null), ct);
    }

    /// <summary>The channels this recipient's addresses opted out of.</summary>
    static async Task<HashSet<(Channel, string)>> StoppedAsync(AppDb db, Contact contact, CancellationToken ct)
    {
        var keys = new[] { Channel.Sms, Channel.Email, Channel.WhatsApp }
            .Select(c => contact.Address(c) is { } a ? StopChannel.Key(c, a) : null).OfType<string>().Distinct().ToList();
        var found = await db.ChannelOptOuts.AsNoTracking().Where(o => keys.Contains(o.Address)).Select(o => new { o.Channel, o.Address }).ToListAsync(ct);
        return found.Select(o => (o.Channel, o.Address)).ToHashSet();
    }

    /// <summary>A recipient's addresses by channel, and the channel they prefer.</summary>
    internal sealed record Contact(Channel? Preferred, string? Mobile, string? Email, string? WhatsApp)
    {
        public string? Address(Channel c) => c switch { Channel.Sms => Mobile, Channel.Email => Email, _ => WhatsApp };
    }

    static async Task<Contact?> ContactAsync(AppDb db, RecipientKind kind, int id, CancellationToken ct)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
        if (kind == RecipientKind.Member)
            return await db.Members.AsNoTracking().Where(m => m.Id == id && m.OptedOutAt == null)
                .Select(m => new Contact(m.PreferredChannel, m.Mobile, null, m.Mobile)).FirstOrDefaultAsync(ct);
        var p = await db.People.AsNoTracking().Where(p => p.Id == id && p.OptedOutAt == null)
            .Select(p => new { p.PreferredChannel, p.Mobile, p.Email, p.WhatsApp }).FirstOrDefaultAsync(ct);
        return p is null ? null
            : new Contact(p.PreferredChannel, Blank(p.Mobile), Blank(p.Email), p.WhatsApp is { } wa && wa.StartsWith('+') ? wa : Blank(p.Mobile));
    }
}
