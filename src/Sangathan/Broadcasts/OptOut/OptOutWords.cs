using System.Net;

namespace Sangathan.Broadcasts;

/// <summary>
/// The line under every broadcast e-mail, in the recipient's language (from the translators' files): written by the
/// workers, who serve no request and so have no reader's culture for <c>T()</c> to go by.
/// </summary>
internal static class OptOutWords
{
    static string Line(string language) => Platform.Localization.Texts.In(language, "To get no more of these e-mails, open:");

    /// <summary>
    /// The words that stop a channel, as people send them by SMS or WhatsApp (a reply, a quick-reply button): the first
    /// word, in any case; Hindi "बंद" (stop) too.
    /// </summary>
    public static bool IsStop(string? text) =>
        text?.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToUpperInvariant()
            is "STOP" or "STOPALL" or "UNSUBSCRIBE" or "END" or "बंद";

    public static string Footer(string language, string link) => $"{Line(language)} {link}";

    public static string WithFooter(string html, string language, string link) =>
        html.Replace("</body>", $"<p style=\"font-size:small;color:#555\">{WebUtility.HtmlEncode(Line(language))} " +
            $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p></body>");
}
