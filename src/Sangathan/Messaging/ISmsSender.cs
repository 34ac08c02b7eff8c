namespace Sangathan.Messaging;

/// <summary>
/// Sends one SMS through whichever gateway is configured (see <see cref="SmsOptions"/>). Sign-in codes and, later,
/// broadcasts both go through it.
/// </summary>
public interface ISmsSender
{
    /// <summary>
    /// Hands <paramref name="message"/> to the gateway. A refusal, an unreachable gateway or a malformed message is a
    /// failed <see cref="SmsResult"/>, never an exception; only cancellation of <paramref name="ct"/> throws.
    /// Acceptance means the gateway took the message, not that the phone got it: that is what delivery reports say.
    /// </summary>
    Task<SmsResult> SendAsync(SmsMessage message, CancellationToken ct);
}
