using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

public enum ReturnOutcome { Settled, Checking, Unverified, NotFound }

/// <summary>The checkout's answer as the payer's browser (or the app) brings it back.</summary>
public sealed record CheckoutAnswer(string? OrderId, string? PaymentId, string? Signature)
{
    /// <summary>
    /// Read from the form the hosted checkout posts: razorpay_order_id, razorpay_payment_id and razorpay_signature
    /// after a payment; error[...] fields after a failure, the order's id inside error[metadata].
    /// </summary>
    public static CheckoutAnswer From(IFormCollection form)
    {
        if (form["razorpay_order_id"].ToString() is { Length: > 0 } order)
            return new(order, form["razorpay_payment_id"], form["razorpay_signature"]);
        try
        {
            var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(form["error[metadata]"].ToString());
            return new(metadata?.GetValueOrDefault("order_id"), null, null);
        }
        catch (JsonException)
        {
            return new(null, null, null);
        }
    }
}

/// <summary>
/// The payer back from the checkout. Its word is checked, never taken: a success must carry the gateway's signature
/// and is then confirmed by asking the gateway for the payment; a failure (unsigned) only makes us ask about the order.
/// </summary>
public sealed class PaymentReturn(AppDb db, IPaymentGateway gateway, SettlePayment settle, CheckPayments check)
{
    public async Task<ReturnOutcome> RunAsync(int memberId, CheckoutAnswer answer, CancellationToken ct)
    {
        var orderId = await db.PaymentOrders.AsNoTracking().Where(o => o.OrderId == answer.OrderId && o.MemberId == memberId)
            .Select(o => o.OrderId).FirstOrDefaultAsync(ct);
        if (orderId is null) return ReturnOutcome.NotFound;
        try
        {
            if (answer.PaymentId is not { Length: > 0 } paymentId)
            {
                await check.OrderAsync(orderId, ct);
                return ReturnOutcome.Settled;
            }
            // The signature is over our own record of the order id, not the one the browser sent.
            if (!gateway.IsGenuinePayment(orderId, paymentId, answer.Signature)) return ReturnOutcome.Unverified;
            var payment = await gateway.PaymentAsync(paymentId, ct);
            if (payment is null || payment.OrderId != orderId) return ReturnOutcome.Unverified;
            return await settle.RunAsync(payment, null, ct) == Settlement.Mismatch ? ReturnOutcome.Unverified : ReturnOutcome.Settled;
        }
        catch (GatewayException)
        {
            return ReturnOutcome.Checking; // the webhook or the reconciler settles it
        }
    }
}
