using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

public enum Settlement { NotOurs, Mismatch, Duplicate, Paid, AlreadyPaid, Failed, Unchanged }

/// <summary>
/// Applies what the gateway says of a payment (in a signed webhook, or answering a status query), the one place an
/// order's state moves. Paid is final, so deliveries twice, late or out of order change nothing they should not: a
/// failure after a capture leaves it paid, a capture after a failure pays. The first payment activates the member:
/// they wait for the district's scrutiny, the fee recorded as paid online.
/// </summary>
public sealed partial class SettlePayment(AppDb db, TimeProvider clock, ILogger<SettlePayment> log)
{
    /// <param name="webhook">The event's id and kind when this came by webhook: each event is handled once.</param>
    public async Task<Settlement> RunAsync(GatewayPayment payment, (string Id, string Kind)? webhook, CancellationToken ct)
    {
        var order = await db.PaymentOrders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == payment.OrderId, ct);
        if (order is null) return Settlement.NotOurs;
        // The amount was ours to set when the order was made; a capture of anything else activates nobody.
        if (payment.Captured && (payment.AmountPaise != order.AmountPaise || payment.Currency != "INR"))
        {
            Mismatched(log, order.Id, payment.AmountPaise, order.AmountPaise);
            return Settlement.Mismatch;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MemberLock.TakeAsync(db, order.MemberId, ct);
        if (webhook is { } w)
        {
            if (await db.PaymentEvents.AnyAsync(e => e.EventId == w.Id, ct)) return Settlement.Duplicate;
            db.PaymentEvents.Add(new PaymentEvent { EventId = w.Id, OrderId = payment.OrderId, Kind = w.Kind, ReceivedAt = now });
        }
        var tracked = await db.PaymentOrders.FirstAsync(o => o.Id == order.Id, ct);
        var result = Settlement.Unchanged;
        if (payment.Captured && tracked.State == PaymentState.Paid) result = Settlement.AlreadyPaid;
        else if (payment.Captured)
        {
            tracked.State = PaymentState.Paid;
            tracked.PaymentId = payment.Id;
            tracked.UpdatedAt = now;
            await ActivateAsync(tracked, now, ct);
            result = Settlement.Paid;
        }
        else if (payment.Failed && tracked.State is PaymentState.Created or PaymentState.Abandoned)
        {
            tracked.State = PaymentState.Failed;
            tracked.PaymentId = payment.Id;
            tracked.UpdatedAt = now;
            result = Settlement.Failed;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    async Task ActivateAsync(PaymentOrder order, DateTime now, CancellationToken ct)
    {
        var member = await db.Members.FirstAsync(m => m.Id == order.MemberId, ct);
        if (member.Fee == FeeState.Online) PaidTwice(log, member.Id, order.Id);
        else if (member.Fee == FeeState.Due) member.Fee = FeeState.Online;
        if (member.Status != MemberStatus.AwaitingPayment) return;
        member.Status = MemberStatus.Pending;
        MemberCounting.Moved(db, member, MemberStatus.AwaitingPayment, DateOnly.FromDateTime(now));
    }

    [LoggerMessage(LogLevel.Warning, "Payment for order {OrderId} captured {Captured} paise where the order is for {Expected}: not applied")]
    static partial void Mismatched(ILogger logger, int orderId, int captured, int expected);

    [LoggerMessage(LogLevel.Warning, "Member {MemberId} had already paid online; order {OrderId} was paid too and is due a refund")]
    static partial void PaidTwice(ILogger logger, int memberId, int orderId);
}

/// <summary>Asks the gateway where an order's payments stand, and settles by what it says: never by a browser's word.</summary>
public sealed class CheckPayments(IPaymentGateway gateway, SettlePayment settle)
{
    public async Task<Settlement> OrderAsync(string orderId, CancellationToken ct)
    {
        var payments = (await gateway.PaymentsOfOrderAsync(orderId, ct)).Where(p => p.OrderId == orderId).ToList();
        if (payments.FirstOrDefault(p => p.Captured) is { } captured) return await settle.RunAsync(captured, null, ct);
        return payments.LastOrDefault(p => p.Failed) is { } failed ? await settle.RunAsync(failed, null, ct) : Settlement.Unchanged;
    }
}
