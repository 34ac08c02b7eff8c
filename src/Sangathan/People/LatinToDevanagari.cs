using System.Text;

namespace Sangathan.People;

/// <summary>
/// A name in Latin letters put in Devanagari, as a best guess: Latin spelling does not say whether an "a" is long
/// (Kumar कुमार, Bharat भरत) or a "t" dental or retroflex, so the result is for a person to correct, and until then
/// lets the name be read in Hindi. The parts of names most often written (Kumar, Singh, Devi, Lal ...) are known
/// whole; the rest goes letter group by letter group, joining consonants where Hindi names join them (प्र, र्म, स्त).
/// </summary>
internal static class LatinToDevanagari
{
    static readonly Dictionary<string, string> Known = new()
    {
        ["ram"] = "राम", ["lal"] = "लाल", ["kumar"] = "कुमार", ["kumari"] = "कुमारी", ["devi"] = "देवी", ["singh"] = "सिंह",
        ["prasad"] = "प्रसाद", ["chand"] = "चंद", ["nath"] = "नाथ", ["das"] = "दास", ["meena"] = "मीणा", ["jat"] = "जाट",
        ["yadav"] = "यादव", ["rajput"] = "राजपूत", ["shyam"] = "श्याम", ["bai"] = "बाई", ["ben"] = "बेन", ["bhai"] = "भाई",
        ["patel"] = "पटेल", ["khan"] = "ख़ान", ["mohammad"] = "मोहम्मद", ["mohammed"] = "मोहम्मद", ["ali"] = "अली",
        ["om"] = "ओम", ["prakash"] = "प्रकाश", ["raj"] = "राज", ["rani"] = "रानी", ["bala"] = "बाला", ["shri"] = "श्री",
        ["shree"] = "श्री", ["sri"] = "श्री", ["saini"] = "सैनी", ["mali"] = "माली", ["jain"] = "जैन", ["gehlot"] = "गहलोत",
        ["rathore"] = "राठौड़", ["rathod"] = "राठौड़", ["chaudhary"] = "चौधरी", ["choudhary"] = "चौधरी", ["pandey"] = "पांडेय",
        ["booth"] = "बूथ", ["ward"] = "वार्ड", ["mandal"] = "मंडल", ["block"] = "ब्लॉक", ["nagar"] = "नगर", ["gram"] = "ग्राम",
    };

    static readonly (string Latin, string Letter)[] ConsonantGroups =
    [
        ("chh", "छ"), ("ksh", "क्ष"), ("sh", "श"), ("ch", "च"), ("kh", "ख"), ("gh", "घ"), ("jh", "झ"), ("th", "थ"),
        ("dh", "ध"), ("ph", "फ"), ("bh", "भ"), ("k", "क"), ("c", "क"), ("q", "क़"), ("g", "ग"), ("j", "ज"), ("z", "ज़"),
        ("t", "त"), ("d", "द"), ("n", "न"), ("p", "प"), ("f", "फ़"), ("b", "ब"), ("m", "म"), ("y", "य"), ("r", "र"),
        ("l", "ल"), ("v", "व"), ("w", "व"), ("s", "स"), ("h", "ह"), ("x", "क्स"),
    ];

    /// <summary>Vowels: the letter at a word's start (or after a vowel), the sign after a consonant.</summary>
    static readonly (string Latin, string Letter, string Sign)[] VowelGroups =
    [
        ("aa", "आ", "ा"), ("ai", "ऐ", "ै"), ("au", "औ", "ौ"), ("ee", "ई", "ी"), ("ey", "ए", "े"), ("oo", "ऊ", "ू"),
        ("ou", "औ", "ौ"), ("a", "अ", ""), ("i", "इ", "ि"), ("u", "उ", "ु"), ("e", "ए", "े"), ("o", "ओ", "ो"),
    ];

    public static string Convert(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var word = new StringBuilder();
        foreach (var c in PersonRules.Clean(text))
        {
            if (char.IsAsciiLetter(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (word.Length > 0) { sb.Append(Word(word.ToString())); word.Clear(); }
            sb.Append(c);
        }
        if (word.Length > 0) sb.Append(Word(word.ToString()));
        return sb.ToString();
    }

    static string Word(string word)
    {
        if (Known.TryGetValue(word, out var known)) return known;
        if (word.EndsWith("ngh", StringComparison.Ordinal)) return Word(word[..^3]) + "ंह";
        var sb = new StringBuilder();
        string? pending = null; // the last consonant, its vowel not yet known
        var afterR = false; // the pending consonant ends a conjunct with र (Chandra, Mitra)
        var i = 0;
        while (i < word.Length)
        {
            if (Match(ConsonantGroups, word, i) is { } consonant)
            {
                i += consonant.Latin.Length;
                var joined = pending is null ? "" : Join(pending, consonant.Letter);
                sb.Append(joined);
                afterR = consonant.Letter == "र" && joined.EndsWith('्');
                pending = consonant.Letter;
                continue;
            }
            var vowel = VowelGroups.First(v => word.AsSpan(i).StartsWith(v.Latin));
            i += vowel.Latin.Length;
            var last = i == word.Length;
            if (pending is null) sb.Append(vowel.Letter);
            else
            {
                sb.Append(pending);
                // A final "a" is long in names (Sharma, Geeta) but after a conjunct with र (Chandra, Mishra);
                // a final "i" is ई (Lakshmi, Devi).
                sb.Append(vowel.Latin switch { "a" when last && !afterR => "ा", "i" when last => "ी", _ => vowel.Sign });
                pending = null;
            }
        }
        if (pending is not null) sb.Append(pending);
        return sb.ToString();
    }

    static (string Latin, string Letter)? Match((string Latin, string Letter)[] groups, string word, int at)
    {
        foreach (var g in groups)
            if (word.AsSpan(at).StartsWith(g.Latin)) return g;
        return null;
    }

    /// <summary>What a consonant followed at once by another becomes: an anusvara, half a conjunct, or itself with its a.</summary>
    static string Join(string first, string second)
    {
        var stop = second is "क" or "ख" or "ग" or "घ" or "च" or "छ" or "ज" or "झ" or "त" or "थ" or "द" or "ध" or "प" or "फ" or "ब" or "भ";
        if (first is "न" or "म" && stop) return "ं";
        var joins = second is "र" or "य" or "व" || first == "र" || first == second
            || (first is "स" or "श" && second is "त" or "थ" or "क" or "प" or "म" or "न")
            || (first is "क" or "प" && second == "त") || (first == "क्ष" && second == "म");
        return joins ? first + "्" : first;
    }
}
