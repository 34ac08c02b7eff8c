using System.Globalization;

namespace Sangathan.Platform.Localization;

/// <summary>
/// The app's words in English and Hindi. The English text is the key, so a page reads as English and a
/// missing translation shows English rather than a blank. The current UI culture picks the language.
/// </summary>
public static class Texts
{
    public static bool IsHindi => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "hi";

    public static string T(string english) =>
        IsHindi && HindiTexts.Words.TryGetValue(english, out var hindi) ? hindi : english;

    public static string T(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, T(english), args);

    /// <summary>Words for someone other than the caller (an SMS to a number's owner), in that person's language ("hi", "en").</summary>
    public static string In(string language, Func<string> words)
    {
        var caller = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "hi");
        try
        {
            return words();
        }
        finally
        {
            CultureInfo.CurrentUICulture = caller;
        }
    }

    /// <summary>Picks the Hindi or English form of a name the data holds in both scripts.</summary>
    public static string Name(string english, string? hindi) =>
        IsHindi && !string.IsNullOrWhiteSpace(hindi) ? hindi : english;
}
