namespace Sangathan.Messaging;

/// <summary>What the gateway made of one message.</summary>
/// <param name="Accepted">True when the gateway took the message for delivery (or queued it for later).</param>
/// <param name="GatewayAnswer">The gateway's own words, such as Kannel's "0: Accepted for delivery"; null when it was not reached.</param>
/// <param name="Error">Why the message was not accepted; null when it was.</param>
public sealed record SmsResult(bool Accepted, string? GatewayAnswer, string? Error)
{
    public static SmsResult Sent(string? gatewayAnswer) => new(true, gatewayAnswer, null);

    public static SmsResult Failed(string error, string? gatewayAnswer = null) => new(false, gatewayAnswer, error);
}
