using System.Text.RegularExpressions;

namespace Sangathan.Tests.Infrastructure;

/// <summary>Posts a page's form as a browser does, with the antiforgery token the page rendered.</summary>
public static partial class Forms
{
    public static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formHtml, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(formHtml);
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
