using System.Globalization;
using System.Security.Cryptography;

namespace Sangathan.Cards;

/// <summary>
/// A member's number: nine random digits (never starting with 0) and Verhoeff's check digit, shown as
/// "482 177 3052" so it reads aloud in three breaths like a phone number. Random rather than counted, so a number
/// says nothing of how many members there are and the next one cannot be guessed from one's own.
/// </summary>
public static class MembershipNumber
{
    public const int Digits = 10;

    public static long New()
    {
        var body = RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);
        return long.Parse(body + Verhoeff.CheckDigit(body).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static bool IsValid(long number) =>
        number is >= 1_000_000_000 and <= 9_999_999_999 && Verhoeff.IsValid(number.ToString(CultureInfo.InvariantCulture));

    public static string Format(long number)
    {
        var s = number.ToString(CultureInfo.InvariantCulture);
        return s.Length == Digits ? $"{s[..3]} {s[3..6]} {s[6..]}" : s;
    }

    /// <summary>Reads a number as people write it (spaces, dashes, Devanagari digits); null unless its check digit holds.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30) return null;
        Span<char> digits = stackalloc char[Digits];
        var n = 0;
        foreach (var ch in text)
        {
            var d = ch is >= '0' and <= '9' ? ch - '0' : ch is >= '\u0966' and <= '\u096F' ? ch - '\u0966' : -1;
            if (d < 0)
            {
                if (ch is ' ' or '-' or '.' or '\u00A0') continue;
                return null;
            }
            if (n == Digits) return null;
            digits[n++] = (char)('0' + d);
        }
        if (n != Digits) return null;
        var number = long.Parse(digits, CultureInfo.InvariantCulture);
        return IsValid(number) ? number : null;
    }
}
