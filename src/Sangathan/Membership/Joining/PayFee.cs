using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

public enum PayRefusal { None, NotDue, TooMany, Unavailable }

/// <summary>Where the payer goes next: the gateway's checkout form for a new order.</summary>
public sealed record FeeCheckout(string OrderId, int AmountPaise, string KeyId, CheckoutForm Form);

/// <summary>
/// A new order for a member's fee, each time they pay or try again (the gateway's advice: one order per attempt).
/// Orders still open are asked about first, so a payment that went through while the page was closed is not paid twice.
/// </summary>
public sealed class PayFee(AppDb db, IPaymentGateway gateway, CheckPayments check, IOptions<MembershipOptions> membership,
    IOptions<PaymentOptions> payments, TimeProvider clock)
{
    public async Task<(FeeCheckout? Checkout, PayRefusal Refusal)> RunAsync(int memberId, string token, CancellationToken ct)
    {
        if (!await DueAsync(memberId, ct)) return (null, PayRefusal.NotDue);
        var open = await db.PaymentOrders.AsNoTracking().Where(o => o.MemberId == memberId && o.State == PaymentState.Created)
            .Select(o => o.OrderId).ToListAsync(ct);
        try
        {
            foreach (var orderId in open) await check.OrderAsync(orderId, ct);
        }
        catch (GatewayException) { } // asked again by the reconciler; the new order below still needs the gateway
        if (!await DueAsync(memberId, ct)) return (null, PayRefusal.NotDue);
        var made = await db.PaymentOrders.CountAsync(o => o.MemberId == memberId, ct);
        if (made >= payments.Value.OrdersPerMember) return (null, PayRefusal.TooMany);

        var fee = membership.Value.FeePaise;
        GatewayOrder order;
        try
        {
            order = await gateway.CreateOrderAsync(fee, $"member-{memberId}-{made + 1}", new Dictionary<string, string> { ["member"] = memberId.ToString() }, ct);
        }
        catch (GatewayException)
        {
            return (null, PayRefusal.Unavailable);
        }
        if (order.AmountPaise != fee) return (null, PayRefusal.Unavailable);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PaymentOrders.Add(new PaymentOrder { MemberId = memberId, OrderId = order.Id, AmountPaise = fee, State = PaymentState.Created, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
        var site = $"{membership.Value.PublicUrl.TrimEnd('/')}/join/{token}";
        var form = gateway.Checkout(order.Id, fee, T("Party membership fee"), $"{site}/paid", site);
        return (new FeeCheckout(order.Id, fee, payments.Value.Razorpay.KeyId, form), PayRefusal.None);
    }

    Task<bool> DueAsync(int memberId, CancellationToken ct) =>
        db.Members.AnyAsync(m => m.Id == memberId && m.Status == MemberStatus.AwaitingPayment, ct);
}
