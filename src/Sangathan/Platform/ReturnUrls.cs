using System.Text;

namespace Sangathan.Platform;

/// <summary>
/// Where a sign-in or a language switch goes back to: a path on this site and nothing else. What a browser would read as
/// another site ("//host", "/\host"), control characters (a header cannot carry them: CR LF would split it) and
/// addresses past any real page's length all go home instead; letters beyond ASCII are percent-encoded, as a Location
/// header must be.
/// </summary>
public static class ReturnUrls
{
    public const int MaxLength = 2048;

    public static string Safe(string? url)
    {
        if (url is not { Length: > 1 and <= MaxLength } || url[0] != '/' || url[1] is '/' or '\\') return "/";
        var safe = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value == '\\') return "/";
            if (rune.Value is > ' ' and < 0x7F) safe.Append((char)rune.Value);
            else
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) safe.Append('%').Append(b.ToString("X2"));
        }
        return safe.ToString();
    }
}
