namespace Sangathan.Messaging;

/// <summary>
/// One business-initiated WhatsApp message: a template Meta approved, in one of its languages, with its body's
/// numbered parameters ({{1}}, {{2}}, ...) in order.
/// </summary>
/// <param name="To">E.164, as the Cloud API takes it (digits with or without the +).</param>
/// <param name="Reference">The caller's id for this message: sent as biz_opaque_callback_data, which status webhooks echo.</param>
public sealed record WhatsAppMessage(string To, string Template, string Language, IReadOnlyList<string> Parameters, string Reference);

/// <summary>What the Cloud API made of one message; <see cref="MessageId"/> is its "wamid...".</summary>
public sealed record WhatsAppResult(bool Accepted, string? MessageId, string? Error)
{
    /// <summary>Refused for a passing reason (throughput, a 5xx) or never reached: nothing was sent.</summary>
    public bool Retryable { get; init; }

    /// <summary>No answer came back: Meta may have taken it.</summary>
    public bool MaybeSent { get; init; }
}

public interface IWhatsAppSender
{
    /// <summary>Sends one template message; failures are results, never exceptions (only cancellation throws).</summary>
    Task<WhatsAppResult> SendAsync(WhatsAppMessage message, CancellationToken ct);
}
