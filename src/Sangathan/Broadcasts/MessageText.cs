namespace Sangathan.Broadcasts;

/// <summary>A broadcast's text made personal: {name}, {unit} and {post} filled in for one recipient.</summary>
public static class MessageText
{
    public static readonly string[] Fields = ["{name}", "{unit}", "{post}"];
    /// <summary>A recipient's own link, in the broadcasts that carry one (a meeting's: the invitee's answer link).</summary>
    public const string LinkField = "{link}";

    public static string Render(string template, string name, string? unit, string? post, string? link = null) =>
        template.Replace("{name}", name, StringComparison.Ordinal)
            .Replace("{unit}", unit ?? "", StringComparison.Ordinal)
            .Replace("{post}", post ?? "", StringComparison.Ordinal)
            .Replace(LinkField, link ?? "", StringComparison.Ordinal);

    /// <summary>Fields the text names that are not ours, such as "{naam}": a typo would reach every phone as it is.</summary>
    public static IEnumerable<string> UnknownFields(string template, bool links = false)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var end = template.IndexOf('}', i);
            if (end < 0) yield break;
            var field = template[i..(end + 1)];
            if (!Fields.Contains(field) && !(links && field == LinkField)) yield return field;
            i = end + 1;
        }
    }

    /// <summary>The e-mail's HTML part: the same words, escaped, a paragraph per blank line.</summary>
    public static string Html(string text, string lang) =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><body style=\"font-family:sans-serif\">" +
        string.Concat(text.Replace("\r\n", "\n").Split("\n\n").Select(p =>
            $"<p>{System.Net.WebUtility.HtmlEncode(p).Replace("\n", "<br>")}</p>")) + "</body></html>";
}
