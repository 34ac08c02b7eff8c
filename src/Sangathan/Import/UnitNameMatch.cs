using System.Globalization;
using System.Text;
using Sangathan.Organization;

namespace Sangathan.Import;

/// <summary>
/// Finds a unit whose name a district office spelled its own way: "Jhunjhunun" for Jhunjhunu, "Chittaurgarh" for
/// Chittorgarh, "Shri Ganganagar" for Sri Ganganagar, "झुंझुनू" for झुंझुनूं. Names are compared by a spelling key
/// that forgets what transliteration and typing vary (vowel length, aspiration, nasal marks, doubled letters,
/// the nukta, an honorific "Sri"). Only a single match counts: two siblings with one key are left to a person.
/// </summary>
internal static class UnitNameMatch
{
    /// <summary>
    /// The one sibling a letter away from the written name ("Jhalawad", "Badmer"), for levels a file may not create
    /// (districts), where a miss rejects the row anyway; below, "Rampura" near "Rampur" may well be another village.
    /// Equal spelling keys are looked up first, by <see cref="ImportTree.ChildSpelled"/>.
    /// </summary>
    public static Unit? Near(IReadOnlyList<Unit> siblings, string written)
    {
        var key = SpellingKey(written);
        // Numbers name different units: "Mandal 12" is never a misspelling of "Mandal 13".
        if (key.Length < 5 || key.Any(char.IsAsciiDigit)) return null;
        var near = siblings.Where(u => WithinOneEdit(SpellingKey(u.NameEn), key) || WithinOneEdit(SpellingKey(u.NameHi), key)).Take(2).ToList();
        return near.Count == 1 ? near[0] : null;
    }

    static readonly (string From, string To)[] Latin =
    [
        ("y", "i"), ("ph", "f"), ("sh", "s"), ("kh", "k"), ("gh", "g"), ("ch", "c"), ("jh", "j"), ("th", "t"), ("dh", "d"), ("bh", "b"),
        ("ck", "k"), ("q", "k"), ("w", "v"), ("z", "j"), ("aa", "a"), ("ee", "i"), ("oo", "u"), ("au", "o"), ("ou", "o"), ("ai", "e"),
    ];

    static readonly string[] Honorifics = ["sri", "shri", "shree", "sree", "श्री"];

    public static string SpellingKey(string? name)
    {
        var words = (name ?? "").Split([' ', '.', '-', ',', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Names.Key).Where(w => w.Length > 0).ToList();
        if (words.Count > 1 && Honorifics.Contains(words[0])) words.RemoveAt(0);
        else if (words.Count == 1 && words[0].StartsWith("श्री", StringComparison.Ordinal) && words[0].Length > 4) words[0] = words[0][4..];
        var key = string.Concat(words);
        return Names.IsDevanagari(key) ? FoldDevanagari(key) : LatinKey(key);
    }

    static string LatinKey(string text)
    {
        var s = RemoveAccents(text);
        foreach (var (from, to) in Latin) s = s.Replace(from, to, StringComparison.Ordinal);
        s = Undouble(s);
        // A final silent e (Jalore) and a final nasal n after a vowel (Jhunjhunun, Baran as बारां) are written or not.
        if (s.Length > 4 && s[^1] == 'e' && !IsVowel(s[^2])) s = s[..^1];
        if (s.Length > 4 && s[^1] == 'n' && IsVowel(s[^2])) s = s[..^1];
        return s;
    }

    /// <summary>Devanagari with the variants folded: nukta, chandrabindu, a nasal letter for the anusvara, vowel length, doubling.</summary>
    internal static string FoldDevanagari(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A nasal consonant with a virama before another consonant is the anusvara written out.
            if (c is 'ङ' or 'ञ' or 'ण' or 'न' or 'म' && i + 2 < text.Length && text[i + 1] == '\u094D') { sb.Append('\u0902'); i++; continue; }
            sb.Append(c switch
            {
                '\u093C' => '\0', // nukta: ड़ and ड
                '\u0901' => '\u0902', // chandrabindu as anusvara
                'ी' => 'ि', 'ू' => 'ु', 'ई' => 'इ', 'ऊ' => 'उ', 'ौ' => 'ो', 'औ' => 'ओ', 'ै' => 'े',
                _ => c,
            });
        }
        var s = Undouble(sb.Replace("\0", "").ToString());
        return s.Length > 2 && s[^1] == '\u0902' ? s[..^1] : s;
    }

    static string RemoveAccents(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString();
    }

    static string Undouble(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (sb.Length == 0 || sb[^1] != c || char.IsAsciiDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Equal but for one letter inserted, removed or replaced.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a.Length == 0) return false;
        if (a.Length > b.Length) (a, b) = (b, a);
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        if (i == a.Length) return true;
        return a.Length == b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
