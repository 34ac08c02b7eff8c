namespace Sangathan.Messaging;

/// <summary>What happened to SMS, by status only: never a mobile number, a message text or a code.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Kannel accepted an SMS: {Answer}")]
    public static partial void Accepted(ILogger logger, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kannel refused an SMS: HTTP {Status}, {Answer}")]
    public static partial void Refused(ILogger logger, int status, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kannel could not be reached")]
    public static partial void Unreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kannel did not answer within {Seconds} s")]
    public static partial void TimedOut(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS not sent: {Problem}")]
    public static partial void Invalid(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "SMS gateway is the console demo: messages are printed, not sent. Set Sms:Gateway to kannel to send them.")]
    public static partial void ConsoleOutsideDevelopment(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server could not be reached")]
    public static partial void SmtpUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp refused a message: HTTP {Status}, code {Code}")]
    public static partial void WhatsAppRefused(ILogger logger, int status, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp could not be reached")]
    public static partial void WhatsAppUnreachable(ILogger logger, Exception exception);
}
