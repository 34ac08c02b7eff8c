using System.Text;

namespace Sangathan.People;

/// <summary>
/// Devanagari to Latin as Indians write their names in English, not as a dictionary transliterates them: the
/// consonants of the Hunterian scheme (India's official one for names and places: श and ष "sh", छ "chh", ड़ "r"),
/// no diacritics, and the inherent vowel dropped where Hindi does not say it (Schwa deletion: रमेश is "Ramesh",
/// not "Ramesha"; कमला "Kamla"; अजमेर "Ajmer"). Long ई and ऊ are "ee" and "oo" in a name's first syllable, as in
/// Geeta, Meena, Pooja, and "i" and "u" after it, as in Sunita and Lakshmi; सिंह is "Singh". Gujarati letters are
/// read as the Devanagari ones they share their places with.
/// </summary>
internal static partial class DevanagariToLatin
{
    /// <summary>One spoken syllable: its consonants (none for a vowel letter), its vowel, and its nasal mark.</summary>
    sealed class Syllable
    {
        public List<char> Consonants { get; } = [];
        public string Vowel { get; set; } = "";
        public bool Inherent { get; set; }
        public bool Long { get; set; }
        public bool Nasal { get; set; }
        public string After { get; set; } = "";
    }

    public static string Convert(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var word = new StringBuilder();
        foreach (var c in Fold(PersonRules.Clean(text)))
        {
            if (IsPart(c)) { word.Append(c); continue; }
            if (word.Length > 0) { sb.Append(Word(word.ToString())); word.Clear(); }
            sb.Append(c switch { '\u0964' or '\u0965' => '.', _ => c });
        }
        if (word.Length > 0) sb.Append(Word(word.ToString()));
        return sb.ToString();
    }

    /// <summary>Gujarati into the Devanagari it mirrors, composed letters with nukta split, digits as ASCII.</summary>
    static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch is >= '\u0A80' and <= '\u0AFF' ? (char)(ch - 0x180) : ch;
            if (c is >= '\u0958' and <= '\u095F') sb.Append(Nukta[c - '\u0958']).Append('\u093C');
            else if (c is >= '\u0966' and <= '\u096F') sb.Append((char)('0' + c - '\u0966'));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    static readonly char[] Nukta = ['क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'];

    static bool IsPart(char c) => c is >= '\u0900' and <= '\u0963' or >= '\u0970' and <= '\u097F';

    static bool IsConsonant(char c) => c is >= '\u0915' and <= '\u0939' or >= '\u0978' and <= '\u097F';

    static string Word(string word)
    {
        if (word == "ॐ") return "Om";
        var syllables = Parse(word);
        DropSchwas(syllables);
        var sb = new StringBuilder();
        for (var i = 0; i < syllables.Count; i++)
        {
            var s = syllables[i];
            // A consonant after a consonant with no vowel between them (a cluster, or a dropped schwa): व is then "w".
            var afterConsonant = i > 0 && syllables[i - 1].Vowel.Length == 0 && syllables[i - 1].Consonants.Count > 0;
            for (var k = 0; k < s.Consonants.Count; k++)
                sb.Append(Consonant(s.Consonants, k, afterConsonant || k > 0));
            var vowel = s.Vowel;
            if (s.Long && i == 0 && syllables.Count > 1) vowel = vowel switch { "i" => "ee", "u" => "oo", _ => vowel };
            sb.Append(vowel);
            if (s.Nasal) sb.Append(NasalBefore(syllables, i));
            sb.Append(s.After);
        }
        var latin = sb.ToString();
        // जयपुर: a y closing a syllable before a consonant is written "i" (Jaipur), as the vowel it sounds.
        latin = YBeforeConsonant().Replace(latin, "ai");
        return latin.Length == 0 ? latin : char.ToUpperInvariant(latin[0]) + latin[1..];
    }

    static List<Syllable> Parse(string word)
    {
        var list = new List<Syllable>();
        Syllable? current = null;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (IsConsonant(c))
            {
                var nukta = i + 1 < word.Length && word[i + 1] == '\u093C';
                var letter = nukta ? NuktaLetter(c) : c;
                if (nukta) i++;
                // After a virama the consonant joins the cluster; otherwise it starts a syllable with the inherent a.
                if (current is not null && current.Vowel.Length == 0 && !current.Inherent && current.Consonants.Count > 0 && current.After.Length == 0 && !current.Nasal)
                    current.Consonants.Add(letter);
                else
                {
                    current = new Syllable();
                    current.Consonants.Add(letter);
                    list.Add(current);
                }
                current.Inherent = true;
                current.Vowel = "a";
                // A virama right after takes the vowel away again.
                if (i + 1 < word.Length && word[i + 1] == '\u094D') { current.Inherent = false; current.Vowel = ""; i++; }
                continue;
            }
            if (Matras.TryGetValue(c, out var matra) && current is not null && current.Inherent)
            {
                (current.Vowel, current.Long) = matra;
                current.Inherent = false;
                continue;
            }
            if (Vowels.TryGetValue(c, out var vowel))
            {
                current = new Syllable { Vowel = vowel.Latin, Long = vowel.Long };
                list.Add(current);
                continue;
            }
            if (c is '\u0902' or '\u0901' && current is not null) { current.Nasal = true; continue; }
            if (c == '\u0903' && current is not null) { current.After += "h"; continue; }
            if (c == '\u093D') continue; // avagraha
        }
        return list;
    }

    static char NuktaLetter(char c) => c switch
    {
        'क' => 'q', 'ख' => 'x', 'ग' => 'ġ', 'ज' => 'z', 'ड' => 'ṛ', 'ढ' => 'ṝ', 'फ' => 'f', 'य' => 'य', _ => c,
    };

    static readonly Dictionary<char, (string, bool)> Matras = new()
    {
        ['ा'] = ("a", false), ['ि'] = ("i", false), ['ी'] = ("i", true), ['ु'] = ("u", false), ['ू'] = ("u", true),
        ['ृ'] = ("ri", false), ['ॄ'] = ("ri", false), ['े'] = ("e", false), ['ै'] = ("ai", false), ['ो'] = ("o", false),
        ['ौ'] = ("au", false), ['ॉ'] = ("o", false), ['ॅ'] = ("e", false), ['ॆ'] = ("e", false), ['ॊ'] = ("o", false),
    };

    static readonly Dictionary<char, (string Latin, bool Long)> Vowels = new()
    {
        ['अ'] = ("a", false), ['आ'] = ("a", false), ['इ'] = ("i", false), ['ई'] = ("i", true), ['उ'] = ("u", false),
        ['ऊ'] = ("u", true), ['ऋ'] = ("ri", false), ['ए'] = ("e", false), ['ऐ'] = ("ai", false), ['ओ'] = ("o", false),
        ['औ'] = ("au", false), ['ऑ'] = ("o", false), ['ऍ'] = ("e", false), ['ऎ'] = ("e", false), ['ऒ'] = ("o", false),
    };

    static readonly Dictionary<char, string> Consonants = new()
    {
        ['क'] = "k", ['ख'] = "kh", ['ग'] = "g", ['घ'] = "gh", ['ङ'] = "n", ['च'] = "ch", ['छ'] = "chh", ['ज'] = "j", ['झ'] = "jh",
        ['ञ'] = "n", ['ट'] = "t", ['ठ'] = "th", ['ड'] = "d", ['ढ'] = "dh", ['ण'] = "n", ['त'] = "t", ['थ'] = "th", ['द'] = "d",
        ['ध'] = "dh", ['न'] = "n", ['प'] = "p", ['फ'] = "ph", ['ब'] = "b", ['भ'] = "bh", ['म'] = "m", ['य'] = "y", ['र'] = "r",
        ['ल'] = "l", ['ळ'] = "l", ['व'] = "v", ['श'] = "sh", ['ष'] = "sh", ['स'] = "s", ['ह'] = "h",
        ['q'] = "q", ['x'] = "kh", ['ġ'] = "g", ['z'] = "z", ['ṛ'] = "r", ['ṝ'] = "rh", ['f'] = "f",
    };

    static string Consonant(List<char> cluster, int k, bool afterConsonant)
    {
        var c = cluster[k];
        // क्ष and ज्ञ are read as letters of their own: "ksh" (Lakshmi), "gy" (Gyan).
        if (c == 'ष' && k > 0 && cluster[k - 1] == 'क') return "sh";
        if (c == 'ञ' && k > 0 && cluster[k - 1] == 'ज') return "y";
        if (c == 'ज' && k + 1 < cluster.Count && cluster[k + 1] == 'ञ') return "g";
        if (c == 'व' && afterConsonant) return "w";
        return Consonants.TryGetValue(c, out var latin) ? latin : "";
    }

    /// <summary>The anusvara as it sounds: "m" before p, b and m (चंपा Champa), "ng" in सिंह (Singh), "n" elsewhere.</summary>
    static string NasalBefore(List<Syllable> syllables, int i)
    {
        var next = i + 1 < syllables.Count ? syllables[i + 1] : null;
        if (next is null || next.Consonants.Count == 0) return "n";
        var first = next.Consonants[0];
        if (first is 'प' or 'फ' or 'ब' or 'भ' or 'म') return "m";
        if (first == 'ह' && i + 2 == syllables.Count && next.Vowel.Length == 0) return "ng";
        return "n";
    }

    /// <summary>
    /// Hindi's schwa deletion, from the end of the word back: the inherent a of the last syllable goes after a single
    /// consonant (राम Ram; मित्र keeps it: Mitra), and a medial one goes between a vowel-and-consonant and a
    /// consonant-and-vowel (कमला Kamla, अजमेर Ajmer), never two in a row (भरत Bharat).
    /// </summary>
    static void DropSchwas(List<Syllable> s)
    {
        var n = s.Count;
        if (n >= 2 && s[^1].Inherent && s[^1].Consonants.Count == 1 && !s[^1].Nasal && s[^1].After.Length == 0)
            s[^1].Vowel = "";
        for (var i = n - 2; i >= 1; i--)
        {
            var me = s[i];
            if (!me.Inherent || me.Nasal || me.After.Length > 0 || me.Consonants.Count != 1 || me.Vowel.Length == 0) continue;
            var before = s[i - 1];
            var after = s[i + 1];
            if (before.Vowel.Length == 0 || after.Consonants.Count == 0 || after.Vowel.Length == 0) continue;
            me.Vowel = "";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("ay(?=[bcdfghjklmnpqrstvwxz])")]
    private static partial System.Text.RegularExpressions.Regex YBeforeConsonant();
}
