namespace Sangathan.Messaging;

/// <summary>The demo's WhatsApp: printed on the console, clearly labelled as not sent.</summary>
internal sealed class ConsoleWhatsAppSender(TextWriter output) : IWhatsAppSender
{
    public Task<WhatsAppResult> SendAsync(WhatsAppMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        output.WriteLine($"DEMO WHATSAPP (not sent) to {People.PersonRules.Mask(message.To)}: {message.Template} [{string.Join(", ", message.Parameters)}]");
        return Task.FromResult(new WhatsAppResult(true, $"demo-{message.Reference}", null));
    }
}
