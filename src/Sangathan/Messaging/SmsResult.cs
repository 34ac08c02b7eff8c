namespace Sangathan.Messaging;

/// <summary>What the gateway made of one message.</summary>
/// <param name="Accepted">True when the gateway took the message for delivery (or queued it for later).</param>
/// <param name="GatewayAnswer">The gateway's own words, such as Kannel's "0: Accepted for delivery"; null when it was not reached.</param>
/// <param name="Error">Why the message was not accepted; null when it was.</param>
public sealed record SmsResult(bool Accepted, string? GatewayAnswer, string? Error)
{
    /// <summary>
    /// The gateway was never reached, or refused for a passing reason (busy, queue full): nothing was handed over, so
    /// trying again later cannot make a second message.
    /// </summary>
    public bool Retryable { get; init; }

    /// <summary>
    /// The request went out but no answer came back (a time-out, a connection cut mid-answer): the gateway may have
    /// taken the message. Sending it again could reach the phone twice; only a delivery report can tell.
    /// </summary>
    public bool MaybeSent { get; init; }

    public static SmsResult Sent(string? gatewayAnswer) => new(true, gatewayAnswer, null);

    public static SmsResult Failed(string error, string? gatewayAnswer = null) => new(false, gatewayAnswer, error);
}
