namespace Sangathan.Messaging;

/// <summary>
/// The run command's demo gateway: prints each message on standard output instead of sending it, so a sign-in code
/// can be read off the terminal. Deliberately not through ILogger: logs must never hold a code, and this output is
/// for the person at the console, clearly labelled as not sent.
/// </summary>
internal sealed class ConsoleSmsSender : ISmsSender
{
    readonly TextWriter output;
    readonly ILogger<ConsoleSmsSender> logger;

    public ConsoleSmsSender(TextWriter output, ILogger<ConsoleSmsSender> logger, IHostEnvironment environment)
    {
        this.output = output;
        this.logger = logger;
        if (!environment.IsDevelopment()) MessagingLog.ConsoleOutsideDevelopment(logger);
    }

    public Task<SmsResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (message.Problem() is { } problem)
        {
            MessagingLog.Invalid(logger, problem);
            return Task.FromResult(SmsResult.Failed(problem));
        }
        output.WriteLine($"DEMO SMS (not sent) to {People.PersonRules.Mask(message.To)}: {message.Text}");
        return Task.FromResult(SmsResult.Sent("Printed on the console, not sent."));
    }
}
