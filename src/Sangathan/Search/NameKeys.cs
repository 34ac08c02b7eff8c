using System.Globalization;
using System.Text;
using Sangathan.People;

namespace Sangathan.Search;

/// <summary>
/// The words of a name as search compares them: each word of either form, a word in Devanagari or Gujarati first
/// put in Latin letters, then spelled one way for the variants Hindi names are written in (Shyam and Syam, Pawan and
/// Pavan, Geeta and Gita, Pooja and Puja, Ramesh and Raamesh, Siddharth and Sidharth, Bharat and Barat).
/// Every rule keeps a prefix a prefix: the key of what someone has typed so far ("Ge") begins the key of the name they
/// are typing ("Geeta"), so a search as you type finds it by an index range. That is why a short i becomes "ee" and
/// not the other way round: "e", the start of "ee", already begins it.
/// </summary>
public static class NameKeys
{
    public const int MaxWord = 40;
    const int MaxWords = 12;

    /// <summary>The distinct keys of every word of the names given (a person's English and Hindi names).</summary>
    public static List<string> Of(params string?[] names)
    {
        var keys = new List<string>();
        foreach (var name in names)
            foreach (var word in Words(name))
                if (Key(word) is { Length: > 0 } key && !keys.Contains(key) && keys.Count < MaxWords) keys.Add(key);
        return keys;
    }

    /// <summary>The keys of what was typed into a search, in the order typed.</summary>
    public static List<string> OfQuery(string query) => Of(query);

    static IEnumerable<string> Words(string? name) =>
        PersonRules.Clean(name).Split([' ', '.', ',', '-', '/', '(', ')', '\'', '"'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>One word's key.</summary>
    public static string Key(string word)
    {
        var latin = NameScripts.IsIndic(word) ? NameScripts.ToLatin(word) : word;
        var letters = new StringBuilder(latin.Length);
        foreach (var c in latin.Normalize(NormalizationForm.FormD))
            if (char.IsAsciiLetterOrDigit(c)) letters.Append(char.ToLowerInvariant(c));
        var s = letters.ToString();
        var key = new StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            string piece;
            if (next == 'h' && c is 'k' or 'g' or 'c' or 'j' or 't' or 'd' or 'p' or 'b' or 's') { piece = Single(c); i++; }
            else if (c == 'e' && next == 'e' || c == 'i') { piece = "ee"; if (c == 'e') i++; }
            else if (c == 'o' && next == 'o' || c == 'u') { piece = "oo"; if (c == 'o') i++; }
            else if (c == 'a' && next == 'a') { piece = "a"; i++; }
            else piece = Single(c);
            // A doubled consonant is written once or twice (Siddharth, Sidharth).
            if (piece.Length == 1 && !IsVowel(piece[0]) && !char.IsAsciiDigit(piece[0]) && key.Length > 0 && key[^1] == piece[0]) continue;
            key.Append(piece);
            if (key.Length >= MaxWord) break;
        }
        return key.Length > MaxWord ? key.ToString(0, MaxWord) : key.ToString();
    }

    static string Single(char c) => c switch { 'w' => "v", 'f' => "p", 'z' => "j", 'q' => "k", _ => c.ToString(CultureInfo.InvariantCulture) };

    static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
