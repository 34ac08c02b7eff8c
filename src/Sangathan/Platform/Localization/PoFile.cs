using System.Text;

namespace Sangathan.Platform.Localization;

/// <summary>
/// Reads a gettext PO file, the format translators' tools (Poedit, Weblate, Lokalise, a text editor) edit: each
/// entry's msgid, the English as the code writes it, and its msgstr. An entry marked fuzzy (a translation a tool
/// guessed, not yet checked) or left empty is not used: the English shows instead, as gettext does.
/// </summary>
public static class PoFile
{
    public static Dictionary<string, string> Read(TextReader reader)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var (id, text, context, fuzzy, field) = ((StringBuilder?)null, (StringBuilder?)null, (string?)null, false, "");
        void Flush()
        {
            if (id is { Length: > 0 } && text is { Length: > 0 } && !fuzzy && context is null) texts[id.ToString()] = text.ToString();
            (id, text, context, fuzzy, field) = (null, null, null, false, "");
        }
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var l = line.Trim();
            if (l.Length == 0) { Flush(); continue; }
            if (l.StartsWith("#,", StringComparison.Ordinal))
            {
                if (id is not null || text is not null) Flush();
                fuzzy = l.Contains("fuzzy", StringComparison.Ordinal);
                continue;
            }
            if (l[0] == '#') continue;
            if (l.StartsWith("msgctxt ", StringComparison.Ordinal)) { if (id is not null) Flush(); context = Unquote(l[8..]); field = "ctx"; continue; }
            if (l.StartsWith("msgid ", StringComparison.Ordinal))
            {
                if (id is not null) Flush();
                id = new StringBuilder(Unquote(l[6..]));
                field = "id";
                continue;
            }
            if (l.StartsWith("msgid_plural ", StringComparison.Ordinal)) { field = "plural"; continue; }
            if (l.StartsWith("msgstr[0] ", StringComparison.Ordinal)) { text = new StringBuilder(Unquote(l[10..])); field = "str"; continue; }
            if (l.StartsWith("msgstr[", StringComparison.Ordinal)) { field = "other"; continue; }
            if (l.StartsWith("msgstr ", StringComparison.Ordinal)) { text = new StringBuilder(Unquote(l[7..])); field = "str"; continue; }
            if (l[0] == '"')
            {
                var more = Unquote(l);
                if (field == "id") id!.Append(more);
                else if (field == "str") text!.Append(more);
                else if (field == "ctx") context += more;
            }
        }
        Flush();
        return texts;
    }

    /// <summary>A PO string's content: the quotes taken off and C escapes read.</summary>
    public static string Unquote(string quoted)
    {
        var s = quoted.Trim();
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"') throw new FormatException($"Not a PO string: {quoted}");
        var sb = new StringBuilder(s.Length);
        for (var i = 1; i < s.Length - 1; i++)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length - 1) { sb.Append(c); continue; }
            var next = s[++i];
            sb.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '"' => '"', '\\' => '\\', _ => next });
        }
        return sb.ToString();
    }
}
