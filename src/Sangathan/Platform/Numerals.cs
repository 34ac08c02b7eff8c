using System.Globalization;
using System.Text;

namespace Sangathan.Platform;

/// <summary>What a number cell held, read as a whole number: its digits, or why they cannot be trusted.</summary>
public readonly record struct WholeNumber(string? Digits, bool Rounded)
{
    public static readonly WholeNumber None = new(null, false);
}

/// <summary>
/// Numbers as district offices' sheets hold them: in Devanagari or Gujarati digits, grouped Indian style
/// ("98,290 12345"), with Excel's ".0", or in the scientific notation Excel leaves in a column copied as text.
/// A notation is only a way of writing: "9.829012345E+09" still carries all ten digits and is read as them. A
/// mantissa shorter than its exponent ("9.829E+09") is what Excel shows of a number it has already rounded:
/// its last digits are gone, and no reading can bring them back.
/// </summary>
public static class Numerals
{
    /// <summary>Every decimal digit, of any script, as its ASCII digit; the rest as it is.</summary>
    public static string Ascii(string text)
    {
        if (!text.Any(c => c > '\u007f' && char.IsDigit(c))) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c > '\u007f' && char.IsDigit(c) ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)) : c);
        return sb.ToString();
    }

    /// <summary>The whole number a cell holds in any notation, or <see cref="WholeNumber.None"/> when it is not one.</summary>
    public static WholeNumber Whole(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || written.Length > 40) return WholeNumber.None;
        var text = Ascii(written).Trim().TrimStart('+');
        var e = text.IndexOfAny(['E', 'e']);
        if (e > 0) return Scientific(text[..e], text[(e + 1)..]);
        // Grouping by commas or spaces, and a decimal part of zeros that Excel adds ("9829012345.0").
        var plain = text.Replace(",", "").Replace(" ", "").Replace("\u00a0", "");
        var point = plain.IndexOf('.');
        if (point >= 0)
        {
            if (plain[(point + 1)..].Any(c => c != '0')) return WholeNumber.None;
            plain = plain[..point];
        }
        return plain.Length > 0 && plain.All(char.IsAsciiDigit) ? new(plain, false) : WholeNumber.None;
    }

    static WholeNumber Scientific(string mantissa, string exponent)
    {
        if (!int.TryParse(exponent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power) || power is < 0 or > 20)
            return WholeNumber.None;
        var point = mantissa.IndexOf('.');
        var whole = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)) return WholeNumber.None;
        fraction = fraction.TrimEnd('0');
        // More fraction digits than the power moves past the point: not a whole number at all.
        if (fraction.Length > power) return WholeNumber.None;
        var digits = (whole + fraction).TrimStart('0');
        // Fewer digits written than the number has: Excel dropped the rest. A whole number that truly ends in zeros
        // ("1E+03") is one a person typed so, not a mobile or a booth number: read as rounded, it is asked again.
        return fraction.Length < power ? new(null, true) : new(digits.Length == 0 ? "0" : digits, false);
    }
}
