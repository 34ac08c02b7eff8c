using System.Globalization;

namespace Sangathan.People;

/// <summary>
/// An e-mail address as a mail server takes it for delivery (RFC 5321): a local part of the usual characters, dots
/// only between them, up to 64; a domain of at least two labels (letters, digits, inner hyphens, up to 63 each) with
/// a top-level name of letters, the whole at most 254. "ram@gmail" or "ram@gmail..com" would be taken by .NET's
/// MailAddress and bounce at the first message; so would a comma typed for a dot. Quoted local parts and address
/// literals ("[10.0.0.1]") are valid on paper and never seen in a party's sheet: refused as the typing errors they are.
/// </summary>
public static class EmailRules
{
    const string Allowed = "!#$%&'*+-/=?^_`{|}~";
    static readonly IdnMapping Idn = new();

    /// <summary>The address with its domain in lower case (domains are case-blind), or null when no server would deliver to it.</summary>
    public static string? Normalize(string? input)
    {
        var text = PersonRules.Clean(input);
        if (text.Length is 0 or > PersonRules.MaxEmail) return null;
        var at = text.LastIndexOf('@');
        if (at <= 0 || at > 64 || at == text.Length - 1) return null;
        var local = text[..at];
        var domain = text[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        if (!LocalPart(local) || !Domain(domain)) return null;
        return $"{local}@{domain}";
    }

    static bool LocalPart(string local) =>
        local[0] != '.' && local[^1] != '.' && !local.Contains("..")
        && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || Allowed.Contains(c));

    static bool Domain(string domain)
    {
        string ascii;
        try { ascii = Idn.GetAscii(domain); }
        catch (ArgumentException) { return false; }
        if (ascii.Length > 253) return false;
        var labels = ascii.Split('.');
        if (labels.Length < 2 || !labels.All(Label)) return false;
        var top = labels[^1];
        return top.Length >= 2 && (top.All(char.IsAsciiLetter) || top.StartsWith("xn--", StringComparison.Ordinal));
    }

    static bool Label(string label) =>
        label.Length is >= 1 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
