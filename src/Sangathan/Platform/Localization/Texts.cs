using System.Globalization;
using Microsoft.Extensions.Localization;
using Sangathan.People;

namespace Sangathan.Platform.Localization;

/// <summary>
/// The app's words in the reader's language, from the translators' files (<see cref="TextCatalog"/>) through
/// <see cref="IStringLocalizer"/>. The English text is the key, so a page reads as English and a missing
/// translation shows English rather than a blank. The current UI culture picks the language.
/// </summary>
public static class Texts
{
    public static readonly IStringLocalizer Localizer = new PoStringLocalizer(TextCatalog.Shared);

    /// <summary>The reader's language: "en", "hi", "gu" ...</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static bool IsHindi => Language == "hi";

    /// <summary>True for any language but English: names and units are then shown in their Indian script.</summary>
    public static bool IsIndian => Language != "en";

    public static string T(string english) => Localizer[english];

    public static string T(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, T(english), args);

    /// <summary>The words in a given language, whoever is reading now: an SMS in the recipient's language.</summary>
    public static string In(string? language, string english, params object?[] args)
    {
        var culture = Culture(language);
        var text = culture.TwoLetterISOLanguageName == "en" ? english : TextCatalog.Shared.Find(culture.TwoLetterISOLanguageName, english) ?? english;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>
    /// A message for someone whose language may be unknown or wrong on record (an SMS to a member): in English and
    /// in their Indian language, "English / हिन्दी", as one text. English alone for those who chose English.
    /// </summary>
    public static string Bilingual(string? language, string english, params object?[] args)
    {
        var en = In("en", english, args);
        var local = In(string.IsNullOrWhiteSpace(language) || language == "en" ? "hi" : language, english, args);
        return language == "en" || local == en ? en : $"{en} / {local}";
    }

    static CultureInfo Culture(string? language)
    {
        try { return CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(language) ? "hi" : language); }
        catch (CultureNotFoundException) { return CultureInfo.GetCultureInfo("hi"); }
    }

    /// <summary>Words for someone other than the caller (an SMS to a number's owner), in that person's language ("hi", "en", "gu"); Hindi when it is unknown.</summary>
    public static string In(string language, Func<string> words)
    {
        var caller = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture(language);
        try
        {
            return words();
        }
        finally
        {
            CultureInfo.CurrentUICulture = caller;
        }
    }

    /// <summary>
    /// Picks the form of a name the data holds in two scripts: the Latin one in English, the Indian one (Devanagari)
    /// otherwise, written in Gujarati letters for a Gujarati reader.
    /// </summary>
    public static string Name(string english, string? hindi) =>
        !IsIndian || string.IsNullOrWhiteSpace(hindi) ? english : Language == "gu" ? NameScripts.ToGujarati(hindi) : hindi;

    /// <summary>The other form of a name, shown small beside the one <see cref="Name"/> picks.</summary>
    public static string OtherName(string english, string? hindi) =>
        hindi is null || hindi == english ? "" : IsIndian ? english : hindi;
}
