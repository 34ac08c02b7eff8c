using System.Security.Cryptography;
using System.Text;

namespace Sangathan.Membership;

/// <summary>
/// Razorpay's two signatures, both HMAC-SHA256 in lower-case hex: the checkout's over "order_id|payment_id" keyed
/// with the API key secret, and a webhook's over the raw body keyed with the webhook secret. Shared by the client
/// that checks them and the stand-in that makes them.
/// </summary>
public static class RazorpaySignatures
{
    public static string Payment(string orderId, string paymentId, string keySecret) =>
        Hex(keySecret, Encoding.UTF8.GetBytes($"{orderId}|{paymentId}"));

    public static string Webhook(ReadOnlySpan<byte> body, string webhookSecret) => Hex(webhookSecret, body);

    /// <summary>Compares in fixed time, so the answer's timing says nothing of how much of a guess was right.</summary>
    public static bool Matches(string expected, string? given) =>
        given is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));

    static string Hex(string key, ReadOnlySpan<byte> data) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), data));
}
