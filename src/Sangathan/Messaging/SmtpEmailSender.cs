using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sangathan.Messaging;

/// <summary>SMTP through MailKit: one connection for a batch, each message multipart/alternative (plain, then HTML).</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task<IReadOnlyList<EmailResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct)
    {
        var o = options.Value;
        var results = new EmailResult[messages.Count];
        using var smtp = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await smtp.ConnectAsync(o.Host, o.Port, o.Security switch
            {
                "tls" => SecureSocketOptions.SslOnConnect, "starttls" => SecureSocketOptions.StartTls, _ => SecureSocketOptions.None,
            }, ct);
            if (o.Username is { Length: > 0 }) await smtp.AuthenticateAsync(o.Username, o.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            MessagingLog.SmtpUnreachable(logger, e);
            Array.Fill(results, new EmailResult(false, null, $"The mail server could not be reached: {e.Message}") { Retryable = true });
            return results;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            var message = Build(o, messages[i]);
            try
            {
                await smtp.SendAsync(message, ct);
                results[i] = new EmailResult(true, message.MessageId, null);
            }
            catch (SmtpCommandException e)
            {
                // 4xx is "not now"; 5xx is "never" (no such mailbox, refused).
                var passing = (int)e.StatusCode is >= 400 and < 500;
                results[i] = new EmailResult(false, null, $"The mail server refused it ({(int)e.StatusCode}): {e.Message}") { Retryable = passing };
                if (!smtp.IsConnected) return Rest(results, i + 1, "The mail server closed the connection.");
            }
            catch (Exception e) when (e is ServiceNotConnectedException or SmtpProtocolException or IOException or TimeoutException)
            {
                // After DATA went out, a broken connection leaves it open whether the server queued the message.
                results[i] = new EmailResult(false, null, $"The connection broke while sending: {e.Message}") { MaybeSent = true };
                return Rest(results, i + 1, "The connection broke before this message.");
            }
        }
        try
        {
            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or TimeoutException) { }
        return results;
    }

    static EmailResult[] Rest(EmailResult[] results, int from, string why)
    {
        for (var i = from; i < results.Length; i++) results[i] = new EmailResult(false, null, why) { Retryable = true };
        return results;
    }

    internal static MimeMessage Build(EmailOptions o, EmailMessage m)
    {
        var domain = o.From[(o.From.IndexOf('@') + 1)..];
        var message = new MimeMessage { Subject = m.Subject, MessageId = $"{m.Reference}@{domain}" };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(m.ToName, m.To));
        message.Body = new BodyBuilder { TextBody = m.Text, HtmlBody = m.Html }.ToMessageBody();
        if (m.Unsubscribe is { } link)
        {
            // RFC 2369's header, and RFC 8058's: a mail client may stop these with one POST to the link, no page shown.
            message.Headers.Add("List-Unsubscribe", $"<{link}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
