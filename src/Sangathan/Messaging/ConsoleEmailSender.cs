namespace Sangathan.Messaging;

/// <summary>The demo's e-mail: printed on the console, clearly labelled as not sent (no address in full).</summary>
internal sealed class ConsoleEmailSender(TextWriter output) : IEmailSender
{
    public Task<IReadOnlyList<EmailResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        foreach (var m in messages) output.WriteLine($"DEMO E-MAIL (not sent) to {People.PersonRules.MaskEmail(m.To)}: {m.Subject} / {m.Text}");
        return Task.FromResult<IReadOnlyList<EmailResult>>(messages.Select(m => new EmailResult(true, $"demo-{m.Reference}", null)).ToList());
    }
}
