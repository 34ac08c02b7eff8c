using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Orders left open (the page closed mid-payment, a webhook lost) are asked about at the gateway, so that a payment
/// that went through still activates its member. One open too long with nothing paid is called abandoned: the
/// person sees it and may try again. Safe on several servers at once (settling is one member at a time), though its
/// worker runs on one.
/// </summary>
public sealed partial class ReconcilePayments(AppDb db, CheckPayments check, IOptions<PaymentOptions> options, TimeProvider clock,
    ILogger<ReconcilePayments> log)
{
    const int Batch = 50;

    /// <summary>Asks about the open orders due a look; the number asked about.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var after = now.AddSeconds(-o.ReconcileAfterSeconds);
        var lastLook = now.AddSeconds(-o.ReconcileEverySeconds);
        var since = now.AddHours(-o.ReconcileForHours);
        var due = await db.PaymentOrders.AsNoTracking()
            .Where(p => (p.State == PaymentState.Created || p.State == PaymentState.Abandoned) && p.CreatedAt <= after && p.CreatedAt >= since
                && (p.CheckedAt == null || p.CheckedAt <= lastLook))
            .OrderBy(p => p.CheckedAt).ThenBy(p => p.Id).Take(Batch).Select(p => new { p.Id, p.OrderId, p.CreatedAt }).ToListAsync(ct);
        foreach (var order in due)
        {
            try
            {
                await check.OrderAsync(order.OrderId, ct);
            }
            catch (GatewayException e)
            {
                Unreachable(log, e.Message);
                break;
            }
            // Bookkeeping, not a decision: the abandonment only labels an order nobody paid, and Paid is never touched.
            await db.PaymentOrders.Where(p => p.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CheckedAt, now), ct);
            if (order.CreatedAt <= now.AddMinutes(-o.AbandonAfterMinutes))
                await db.PaymentOrders.Where(p => p.Id == order.Id && p.State == PaymentState.Created)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PaymentState.Abandoned).SetProperty(p => p.UpdatedAt, now), ct);
        }
        return due.Count;
    }

    [LoggerMessage(LogLevel.Warning, "The payment gateway could not be asked about open orders ({Reason}); trying again later")]
    static partial void Unreachable(ILogger logger, string reason);
}

/// <summary>Runs the reconciler every so often, on one server at a time: the gateway is asked about each order once.</summary>
internal sealed class PaymentReconciler(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock,
    ILogger<PaymentReconciler> log) : LeasedWorker("payment-reconciler", scopes, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.ReconcileEverySeconds));

    protected override async Task<bool> RoundAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<ReconcilePayments>().RunAsync(ct);
        return false;
    }
}
