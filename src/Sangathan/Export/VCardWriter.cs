using System.Text;

namespace Sangathan.Export;

/// <summary>An office bearer as a phone's contacts app imports them.</summary>
public sealed record Contact(string NameEn, string NameHi, string? Mobile, string? Email, string Title, string Unit);

/// <summary>
/// vCard 3.0 (RFC 2426): values escaped, lines ending in CRLF and folded at 75 octets, never inside a UTF-8
/// character (Hindi letters are three octets each).
/// </summary>
public static class VCardWriter
{
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<Contact> contacts, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        var n = 0;
        await foreach (var c in contacts.WithCancellation(ct))
        {
            await w.WriteAsync(Card(c));
            n++;
        }
        return n;
    }

    public static string Card(Contact c)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCARD");
        Line("VERSION:3.0");
        Line("FN:" + Escape(c.NameEn));
        Line("N:" + Escape(c.NameEn) + ";;;;");
        if (c.NameHi != c.NameEn) Line("NICKNAME:" + Escape(c.NameHi));
        if (c.Mobile is { } mobile) Line("TEL;TYPE=CELL:" + Escape(mobile));
        if (c.Email is { } email) Line("EMAIL;TYPE=INTERNET:" + Escape(email));
        Line("TITLE:" + Escape(c.Title));
        Line("ORG:" + Escape(c.Unit));
        Line("END:VCARD");
        return sb.ToString();
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace(",", "\\,").Replace(";", "\\;").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "");

    /// <summary>Splits a line into pieces of at most 75 octets; each piece after the first starts with a space.</summary>
    public static string Fold(string line)
    {
        var sb = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        return sb.ToString();
    }
}
