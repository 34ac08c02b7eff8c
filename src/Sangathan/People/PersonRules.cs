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
            var number = Phones.Parse(input, "IN");
            if (number.CountryCode != 91 || !Phones.IsValidNumber(number)) return null;
            if (Phones.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)) return null;
            return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Trims, folds runs of white space, drops invisible characters and puts text in NFC.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            // Zero-width joiners are part of some Devanagari spellings; other format characters are noise.
            if (cat == UnicodeCategory.Format && ch is not ('\u200C' or '\u200D')) continue;
            if (cat == UnicodeCategory.Control || char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch);
        }
        return sb.ToString();
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
