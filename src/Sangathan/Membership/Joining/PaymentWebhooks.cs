using System.Security.Cryptography;
using System.Text.Json;

namespace Sangathan.Membership;

public enum WebhookOutcome { Handled, Forged, Malformed, Refused }

/// <summary>
/// Razorpay's webhooks: signed (X-Razorpay-Signature, HMAC-SHA256 of the raw body with the webhook secret), each with
/// its id (X-Razorpay-Event-Id), which makes a second delivery a no-op. payment.captured and order.paid pay an order,
/// payment.failed fails it; other events are acknowledged and left alone.
/// </summary>
public sealed partial class PaymentWebhooks(IPaymentGateway gateway, SettlePayment settle, ILogger<PaymentWebhooks> log)
{
    public const int MaxBytes = 256 * 1024;

    public async Task<WebhookOutcome> RunAsync(byte[] body, string? signature, string? eventId, CancellationToken ct)
    {
        if (!gateway.IsGenuineWebhook(body, signature))
        {
            Forged(log);
            return WebhookOutcome.Forged;
        }
        var (kind, payment) = Read(body);
        if (kind is null) return WebhookOutcome.Malformed;
        if (payment is null || kind is not ("payment.captured" or "payment.failed" or "order.paid")) return WebhookOutcome.Handled;
        // order.paid is sent once the order's payment is captured, with that payment inside.
        if (kind == "order.paid") payment = payment with { Status = "captured" };
        var id = eventId is { Length: > 0 and <= 100 } ? eventId : Convert.ToHexStringLower(SHA256.HashData(body));
        return await settle.RunAsync(payment, (id, kind), ct) == Settlement.Mismatch ? WebhookOutcome.Refused : WebhookOutcome.Handled;
    }

    static (string? Kind, GatewayPayment? Payment) Read(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (!root.TryGetProperty("event", out var kind) || kind.ValueKind != JsonValueKind.String) return (null, null);
            if (!root.TryGetProperty("payload", out var payload) || !payload.TryGetProperty("payment", out var p) || !p.TryGetProperty("entity", out var entity))
                return (kind.GetString(), null);
            var payment = entity.Deserialize<RazorpayClient.PaymentEntity>(RazorpayClient.Json);
            return (kind.GetString(), payment is { Id.Length: > 0, OrderId.Length: > 0 } ? payment.ToPayment() : null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentNullException)
        {
            return (null, null);
        }
    }

    [LoggerMessage(LogLevel.Warning, "A payment webhook with a signature that does not match was refused")]
    static partial void Forged(ILogger logger);
}
