namespace Sangathan.Messaging;

/// <summary>One e-mail to one address, with a plain-text part and an HTML part of the same words.</summary>
/// <param name="Reference">The caller's id for this message; it becomes the Message-ID's left part, so replies and bounces name it.</param>
/// <param name="Unsubscribe">The link that stops these e-mails, sent as List-Unsubscribe with RFC 8058's one-click POST.</param>
public sealed record EmailMessage(string To, string ToName, string Subject, string Text, string Html, string Reference, string? Unsubscribe = null);

/// <summary>What the mail server made of one message. <see cref="MessageId"/> is the Message-ID header it was sent with.</summary>
public sealed record EmailResult(bool Accepted, string? MessageId, string? Error)
{
    /// <summary>The server was never reached, or said 4xx (try later): nothing was taken.</summary>
    public bool Retryable { get; init; }

    /// <summary>The message was on its way when the connection broke: the server may have taken it.</summary>
    public bool MaybeSent { get; init; }
}

/// <summary>Sends e-mail through whichever server is configured (see <see cref="EmailOptions"/>).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends each message in turn over one connection and says what became of each, in order. Failures are results,
    /// never exceptions; only cancellation throws.
    /// </summary>
    Task<IReadOnlyList<EmailResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct);
}
