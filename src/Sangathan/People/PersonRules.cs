using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace Sangathan.People;

public static class PersonRules
{
    public const int MaxName = 150;
    public const int MaxEmail = 254;
    public const int MaxText = 200;
    public const int MaxLink = 300;
    public const int VoterIdLength = 10;

    static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Reads an Indian mobile however it was written ("98290 12345", "+91-98290-12345", "098290 12345")
    /// and returns it in E.164, or null when it is not a valid Indian mobile number.
    /// </summary>
    public static string? NormalizeMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30) return null;
        try
        {
            // A phone's keyboard set to Hindi or Gujarati types its own digits.
            var number = Phones.Parse(Platform.Numerals.Ascii(input), "IN");
            if (number.CountryCode != 91 || !Phones.IsValidNumber(number)) return null;
            if (Phones.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)) return null;
            return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Trims, folds runs of white space (the non-breaking space too), drops invisible characters and puts text in NFC.
    /// Zero-width joiners and non-joiners go as well: in Devanagari and Gujarati they only pick a letter's shape (a half
    /// form, a visible virama), never which letters are written, so a name typed with one is the same name without it;
    /// kept, a stray one (a trailing joiner pasted from a chat) made the same person two names. Byte-order marks, soft
    /// hyphens and direction marks are invisible format characters as well.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.Format) continue;
            // Half a surrogate pair (a cell cut by a broken export) is no character at all, and NFC refuses it.
            if (char.IsHighSurrogate(ch) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))) continue;
            if (char.IsLowSurrogate(ch) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))) continue;
            if (cat == UnicodeCategory.Control || char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch);
        }
        // Composed after the invisibles are gone: a joiner between a letter and its nukta kept them apart.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A voter ID (EPIC) as the Election Commission prints it, three letters and seven digits ("ABC1234567"), read
    /// however it was typed ("abc 123 4567"); null when it is not one.
    /// </summary>
    public static string? NormalizeVoterId(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30) return null;
        var id = string.Concat(Clean(input).Where(c => c is not (' ' or '-' or '/'))).ToUpperInvariant();
        return id.Length == VoterIdLength && id[..3].All(char.IsAsciiLetterUpper) && id[3..].All(char.IsAsciiDigit) ? id : null;
    }

    /// <summary>The masked form of a voter ID: ABC•••••67.</summary>
    public static string MaskVoterId(string voterId) => voterId.Length < 5 ? "••••" : $"{voterId[..3]}•••••{voterId[^2..]}";

    public static string KeyOf(string name) => Clean(name).ToLowerInvariant();

    public static string? CleanOrNull(string? text) => Clean(text) is { Length: > 0 } s ? s : null;

    // Masking is decided here once, for pages, lists, messages and the console alike: where a mobile is not shown in
    // full, this is how it is shown (and no Call or WhatsApp button is offered for it).

    /// <summary>The masked form of a mobile: +9198••••••45.</summary>
    public static string Mask(string mobile) =>
        mobile.Length < 8 ? "••••" : $"{mobile[..5]}••••••{mobile[^2..]}";

    /// <summary>The masked form of an e-mail address: r•••@example.org.</summary>
    public static string MaskEmail(string email) =>
        email.IndexOf('@') is var at and > 0 ? $"{email[0]}•••{email[at..]}" : "•••";

    /// <summary>A message's address masked as what it is: an e-mail address or a mobile.</summary>
    public static string MaskAddress(string address) => address.Contains('@') ? MaskEmail(address) : Mask(address);
}
