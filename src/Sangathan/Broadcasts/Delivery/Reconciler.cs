using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>
/// What happens to rows a worker claimed and never finished (it died, or the gateway gave no answer). The rule that
/// keeps anyone from getting a message twice without anybody knowing:
/// <list type="bullet">
/// <item>A row is marked Sending, with a lease, in the database before its request leaves. So after any crash, every
/// message that may have reached a gateway is a Sending row; none is Queued, and no worker sends it again while it
/// stays Sending.</item>
/// <item>SMS and WhatsApp report every message they take (Kannel's SMSC-level report, dlr-mask 8, within seconds;
/// WhatsApp's "sent" webhook), and both retry a report until the app answers (Kannel's http-request-retry; Meta for
/// days). A report moves the row on from Sending whatever the worker knew.</item>
/// <item>So a row still Sending when its lease has run out plus a grace period, while reports on its channel for
/// messages claimed after it have since come in, was never taken by the gateway: it is queued again. Without such
/// proof (reports not coming at all, an e-mail, which has no reports) it becomes Uncertain and is not sent again.</item>
/// </list>
/// </summary>
internal static class Reconciler
{
    /// <summary>One broadcast's stuck rows (a range of the outbox's index: the broadcast, then Sending).</summary>
    public static async Task<int> RunAsync(AppDb db, int broadcastId, DateTime now, TimeSpan grace, CancellationToken ct)
    {
        var expired = now - grace;
        var rows = db.BroadcastMessages.Where(m => m.BroadcastId == broadcastId);
        // Stuck rows whose channel has been heard from since their lease ran out: never handed over.
        var requeued = await rows
            .Where(m => m.Status == MessageStatus.Sending && m.LeaseUntil < expired && m.Channel != Channel.Email
                && db.BroadcastMessages.Any(o => o.BroadcastId == broadcastId && o.Channel == m.Channel && o.ReportedAt > m.LeaseUntil))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Queued).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null)
                .SetProperty(m => m.Error, "Not taken by the gateway before a worker stopped; queued again."), ct);
        // The rest, after a much longer wait: no proof either way, so nobody is sent it again blindly.
        var uncertain = await rows
            .Where(m => m.Status == MessageStatus.Sending && m.LeaseUntil < now - 4 * grace)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Uncertain).SetProperty(m => m.LeaseUntil, (DateTime?)null)
                .SetProperty(m => m.Error, "A worker stopped while handing it over and no report came: it may or may not have been sent."), ct);
        var emails = await rows
            .Where(m => m.Status == MessageStatus.Sending && m.Channel == Channel.Email && m.LeaseUntil < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Uncertain).SetProperty(m => m.LeaseUntil, (DateTime?)null)
                .SetProperty(m => m.Error, "A worker stopped while handing it to the mail server: it may or may not have been sent."), ct);
        return requeued + uncertain + emails;
    }
}
