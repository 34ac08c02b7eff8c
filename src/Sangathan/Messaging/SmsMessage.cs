using System.Text.RegularExpressions;

namespace Sangathan.Messaging;

/// <summary>One SMS to one phone.</summary>
/// <param name="To">The receiver in E.164 form, such as +919812345678.</param>
/// <param name="Text">Any Unicode text: Hindi goes out as UCS-2, so at most 70 characters fit one SMS instead of 160.</param>
/// <param name="SenderId">
/// The header the phone shows (India's DLT: a registered six-letter header such as SNGTHN); null uses the gateway's
/// configured sender.
/// </param>
/// <param name="TemplateId">The DLT template this text was registered under; operators in India drop messages without one.</param>
/// <param name="Reference">
/// The caller's id for this message, echoed in the gateway's delivery report: letters, digits, '-' and '_' only,
/// at most 64, because it travels inside a callback URL.
/// </param>
public sealed partial record SmsMessage(string To, string Text, string? SenderId = null, string? TemplateId = null, string? Reference = null)
{
    /// <summary>Why this message cannot go out as it is; null when it can. Says nothing of the number or the text.</summary>
    internal string? Problem() =>
        !E164().IsMatch(To) ? "The receiver is not an E.164 number (+ and 8 to 15 digits)."
        : string.IsNullOrWhiteSpace(Text) ? "The text is empty."
        : Reference is not null && !SafeReference().IsMatch(Reference) ? "The reference must be 1 to 64 letters, digits, '-' or '_'."
        : null;

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeReference();
}
