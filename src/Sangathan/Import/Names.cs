using System.Globalization;
using System.Text;
using Sangathan.People;

namespace Sangathan.Import;

/// <summary>How a written name is compared with the names the tree holds: case, spaces and punctuation do not count.</summary>
internal static class Names
{
    public static string Key(string? text)
    {
        // Digits in any script compare as theirs: "बूथ १२" is "बूथ 12".
        var clean = Platform.Numerals.Ascii(PersonRules.Clean(text));
        var key = new StringBuilder(clean.Length);
        foreach (var c in clean)
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                key.Append(char.ToLowerInvariant(c));
        return key.ToString();
    }

    public static bool IsDevanagari(string text) => text.Any(c => c is >= '\u0900' and <= '\u097F');
}
