namespace Sangathan.People;

/// <summary>
/// A name in the other script, when only one was given: Devanagari (or Gujarati) to Latin as people write their
/// names in English, and Latin to Devanagari as a best effort for someone to correct.
/// </summary>
public static class NameScripts
{
    /// <summary>True when the text has a letter of an Indian script this app reads (Devanagari, Gujarati).</summary>
    public static bool IsIndic(string? text) => text is not null && text.Any(IsIndicChar);

    static bool IsIndicChar(char c) => c is >= '\u0900' and <= '\u097F' or >= '\u0A80' and <= '\u0AFF';

    /// <summary>
    /// Both forms of a name from what was given: each field as written when given, the missing one generated
    /// from the other. A name in an Indian script typed into the English field counts as the Indian one.
    /// </summary>
    public static (string En, string Hi) Complete(string? en, string? hi)
    {
        var (latin, indian) = Sorted(en, hi);
        return (latin ?? (indian is null ? "" : DevanagariToLatin.Convert(indian)), indian ?? (latin is null ? "" : LatinToDevanagari.Convert(latin)));
    }

    /// <summary>True when <paramref name="hi"/> is what <see cref="Complete"/> would generate from <paramref name="en"/> (or the reverse): no one wrote it.</summary>
    public static bool Generated(string en, string hi) =>
        en == hi || (IsIndic(hi) && !IsIndic(en) && (hi == LatinToDevanagari.Convert(en) || en == DevanagariToLatin.Convert(hi)));

    /// <summary>
    /// What was written of a name, each form in its own field whichever column it was typed in: the Latin one and the
    /// Indian one; a second name in the same script as the first is a copy, and dropped.
    /// </summary>
    public static (string? Latin, string? Indian) Sorted(string? en, string? hi)
    {
        en = PersonRules.CleanOrNull(en);
        hi = PersonRules.CleanOrNull(hi);
        string? latin = null, indian = null;
        foreach (var name in new[] { en, hi })
        {
            if (name is null) continue;
            if (IsIndic(name)) indian ??= name;
            else latin ??= name;
        }
        return (latin, indian);
    }

    /// <summary>A name in Devanagari or Gujarati written in Latin letters: "रमेश कुमार" is "Ramesh Kumar".</summary>
    public static string ToLatin(string text) => DevanagariToLatin.Convert(text);

    /// <summary>A name in Latin letters written in Devanagari, as a best guess: "Ramesh Kumar" is "रमेश कुमर".</summary>
    public static string ToDevanagari(string text) => LatinToDevanagari.Convert(text);

    /// <summary>
    /// Devanagari written in Gujarati letters: the two scripts descend from one, and Unicode keeps their letters
    /// at the same places in their blocks, so a name held in Devanagari reads in Gujarati letter for letter.
    /// </summary>
    public static string ToGujarati(string text)
    {
        if (!text.Any(c => c is >= '\u0900' and <= '\u097F')) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            // The danda and digits are shared or have their own; letters Gujarati lacks (ऴ, ऩ ...) stay as they are.
            if (c is >= '\u0900' and <= '\u097F' and not ('\u0964' or '\u0965') && Assigned(c + 0x180))
                chars[i] = (char)(c + 0x180);
        }
        return new string(chars);
    }

    static bool Assigned(int codePoint) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(codePoint) != System.Globalization.UnicodeCategory.OtherNotAssigned;
}
