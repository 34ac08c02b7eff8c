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

    /// <summary>Picks the Hindi or English form of a name the data holds in both scripts.</summary>
    public static string Name(string english, string? hindi) =>
        IsHindi && !string.IsNullOrWhiteSpace(hindi) ? hindi : english;
}
