namespace Sangathan.Membership;

/// <summary>An order as the gateway made it.</summary>
public sealed record GatewayOrder(string Id, int AmountPaise, string Currency, string Status);

/// <summary>One payment attempt as the gateway reports it: "created", "authorized", "captured", "refunded" or "failed".</summary>
public sealed record GatewayPayment(string Id, string OrderId, int AmountPaise, string Currency, string Status)
{
    public bool Captured => Status is "captured";
    public bool Failed => Status is "failed";
}

/// <summary>The form that hands the payer to the gateway's hosted checkout: posted by the browser, no script needed.</summary>
public sealed record CheckoutForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>The gateway could not be reached, or answered with an error: nothing is decided on it.</summary>
public sealed class GatewayException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The payment gateway, as the joining flow uses it: make an order, send the payer to its checkout, check what it
/// signs (the checkout's answer, its webhooks) and ask it where a payment stands.
/// </summary>
public interface IPaymentGateway
{
    Task<GatewayOrder> CreateOrderAsync(int amountPaise, string receipt, IReadOnlyDictionary<string, string> notes, CancellationToken ct);

    Task<IReadOnlyList<GatewayPayment>> PaymentsOfOrderAsync(string orderId, CancellationToken ct);

    Task<GatewayPayment?> PaymentAsync(string paymentId, CancellationToken ct);

    CheckoutForm Checkout(string orderId, int amountPaise, string description, string callbackUrl, string cancelUrl);

    /// <summary>The checkout's answer: its signature over the order and payment ids, with the key secret.</summary>
    bool IsGenuinePayment(string orderId, string paymentId, string? signature);

    /// <summary>A webhook: its signature over the raw body, with the webhook secret.</summary>
    bool IsGenuineWebhook(ReadOnlySpan<byte> body, string? signature);

    /// <summary>The gateway's address for forms (the content security policy's form-action must allow it).</summary>
    string CheckoutOrigin { get; }
}
