using System.Globalization;

namespace Sangathan.Platform.Localization;

/// <summary>
/// The app's words in every language it has a translators' file for (Texts/{language}.po, beside the app), read
/// once. English is the key: it is what the code writes, and what shows where a translation is missing.
/// Adding a language is adding its file (and, for a new script, its fonts); no code changes.
/// </summary>
public sealed class TextCatalog
{
    readonly Dictionary<string, Dictionary<string, string>> languages;

    TextCatalog(Dictionary<string, Dictionary<string, string>> languages) => this.languages = languages;

    public static readonly TextCatalog Shared = Load(Path.Combine(AppContext.BaseDirectory, "Texts"));

    public static TextCatalog Load(string folder)
    {
        var all = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*.po").Order(StringComparer.Ordinal))
            {
                using var reader = File.OpenText(file);
                all[Path.GetFileNameWithoutExtension(file)] = PoFile.Read(reader);
            }
        return new TextCatalog(all);
    }

    /// <summary>The languages with a file, English first (the code's own).</summary>
    public IReadOnlyList<string> Languages => ["en", .. languages.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The translation of <paramref name="english"/>, or null when the language has none.</summary>
    public string? Find(string language, string english) =>
        languages.TryGetValue(language, out var texts) && texts.TryGetValue(english, out var text) ? text : null;

    public IReadOnlyDictionary<string, string> Of(string language) =>
        languages.TryGetValue(language, out var texts) ? texts : new Dictionary<string, string>();

    /// <summary>A language's own name in its own script, for the language links.</summary>
    public static string NativeName(string language) =>
        CultureInfo.GetCultureInfo(language).NativeName is var name && name.Length > 0 ? char.ToUpper(name[0]) + name[1..] : language;
}
