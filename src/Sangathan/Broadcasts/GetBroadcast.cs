using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// A broadcast, its live counts and its failures, for those who may message its part of the tree. Counts are one
/// GROUP BY over the outbox index's range for the broadcast, kept two seconds so that many open pages polling cost one.
/// </summary>
public sealed class GetBroadcast(AppDb db, Door door, IAuditActor actor, IMemoryCache cache, TimeProvider clock)
{
    public const int FailuresPerPage = 50;

    /// <summary>Null with <paramref name="forbidden"/> false: not found (or not visible); true: visible, but not theirs to follow.</summary>
    public async Task<(BroadcastView? View, bool Forbidden)> RunAsync(int id, CancellationToken ct)
    {
        var found = await (from x in db.Broadcasts.AsNoTracking()
                           join u in db.Units on x.UnitId equals u.Id
                           where x.Id == id
                           select new { b = x, u.Path, u.NameEn, u.NameHi }).FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(found is null ? null : new BroadcastResource(found.b.Id, found.Path), Operations.Message, ct);
        if (opened.Refused) return (null, !opened.Missing);
        var b = found!.b;
        var open = b.Status is BroadcastStatus.AwaitingApproval or BroadcastStatus.Scheduled or BroadcastStatus.Sending;
        return (new BroadcastView(b.Id, b.Title, b.UnitId, found.NameEn, found.NameHi, b.Status, b.Audience, b.Queued, b.OfficeBearers, b.LevelKeys,
            b.PostKeys, b.Enrollers, b.Members, b.Category, b.Language, b.UseSms, b.UseEmail, b.UseWhatsApp, b.TextEn, b.TextHi, b.SenderId,
            b.DltTemplateId, b.WhatsAppTemplate, b.CreatedAt, b.SendAt, b.FinishedAt, b.CreatedBy, b.ApprovedBy,
            b.Status == BroadcastStatus.AwaitingApproval && b.CreatedBy != actor.Label, open), false);
    }

    public async Task<DeliveryCounts?> CountsAsync(int id, CancellationToken ct)
    {
        if ((await RunAsync(id, ct)).View is not { } view) return null;
        // Kept per status too: the first look after a broadcast ends counts afresh.
        var counts = await cache.GetOrCreateAsync(("broadcast-counts", id, view.Status), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(2);
            var rows = await db.BroadcastMessages.AsNoTracking().Where(m => m.BroadcastId == id)
                .GroupBy(m => new { m.Status, m.Channel }).Select(g => new { g.Key.Status, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
            int Of(MessageStatus s) => rows.Where(r => r.Status == s).Sum(r => r.Count);
            int By(Channel c) => rows.Where(r => r.Channel == c && r.Status != MessageStatus.Rerouted).Sum(r => r.Count);
            return new DeliveryCounts(view.Status, Of(MessageStatus.Queued), Of(MessageStatus.Sending), Of(MessageStatus.Sent), Of(MessageStatus.Delivered),
                Of(MessageStatus.Failed), Of(MessageStatus.Uncertain), Of(MessageStatus.Rerouted), Of(MessageStatus.Cancelled),
                By(Channel.Sms), By(Channel.Email), By(Channel.WhatsApp), Sql.Utc(clock));
        });
        return counts!;
    }

    public async Task<FailurePage?> FailuresAsync(int id, long? after, CancellationToken ct)
    {
        if ((await RunAsync(id, ct)).View is null) return null;
        MessageStatus[] failed = [MessageStatus.Failed, MessageStatus.Rerouted, MessageStatus.Uncertain];
        var rows = await db.BroadcastMessages.AsNoTracking()
            .Where(m => m.BroadcastId == id && failed.Contains(m.Status) && (after == null || m.Id > after))
            .OrderBy(m => m.Id).Take(FailuresPerPage + 1)
            .Select(m => new FailureView(m.Id, m.Name, m.Channel, m.Address, m.Status, m.Error)).ToListAsync(ct);
        var shown = rows.Take(FailuresPerPage).Select(f => f with { Address = Masked(f.Address) }).ToList();
        return new FailurePage(shown, rows.Count > FailuresPerPage ? shown[^1].Id : null);
    }

    public async Task<IReadOnlyList<BroadcastSummary>?> ListAsync(int? before, CancellationToken ct)
    {
        if (!(await door.CallerAsync(ct)).ReachesAnywhere(Operations.Message)) return null;
        var reach = await door.ReachAsync(ct);
        return await (from b in reach.Broadcasts.AsNoTracking()
                      join u in db.Units on b.UnitId equals u.Id
                      where before == null || b.Id < before
                      orderby b.Id descending
                      select new BroadcastSummary(b.Id, b.Title, u.NameEn, u.NameHi, b.Status, b.Audience, b.CreatedAt, b.SendAt)).Take(50).ToListAsync(ct);
    }

    /// <summary>+919812345678 as +91xxxxxx5678; ramesh@example.org as r***@example.org.</summary>
    internal static string Masked(string address) =>
        address.IndexOf('@') is > 0 and var at ? $"{address[0]}***{address[at..]}"
        : address.Length <= 7 ? address : string.Concat(address.AsSpan(0, 3), new string('x', address.Length - 7), address.AsSpan(address.Length - 4));
}
