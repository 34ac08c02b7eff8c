using System.Net;
using System.Text.RegularExpressions;

namespace Sangathan.Bench;

/// <summary>
/// The HTTP client the bench times requests with: signed in, and holding the antiforgery token and cookie that a
/// page's form would post (search is a POST, to keep the names and numbers searched for out of URLs and logs).
/// </summary>
internal sealed partial class BenchClient(HttpClient http, string formToken) : IDisposable
{
    public HttpClient Http => http;
    public string FormToken => formToken;

    public static async Task<BenchClient> CreateAsync(Uri address, string session)
    {
        // As a browser on a phone: keep-alive, and compressed answers (the app compresses every text response).
        // Redirects are not followed, so that a sign-in page can never be timed in place of the page asked for.
        var http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false, UseCookies = false,
        })
        {
            BaseAddress = address,
        };
        http.DefaultRequestHeaders.Authorization = new("Bearer", session);
        var sessionCookie = $"{Access.SessionAuthentication.Cookie}={session}";
        http.DefaultRequestHeaders.Add("Cookie", sessionCookie);

        using var form = await http.GetAsync("/search");
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = form.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            : null;
        var token = TokenInput().Match(html);
        if (!form.IsSuccessStatusCode || antiforgery is null || !token.Success)
            throw new InvalidOperationException($"GET /search answered {(int)form.StatusCode} without a form token to post searches with.");
        http.DefaultRequestHeaders.Remove("Cookie");
        http.DefaultRequestHeaders.Add("Cookie", $"{sessionCookie}; {antiforgery}");
        return new BenchClient(http, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>Sends the request and reads the whole answer; anything but a 2xx with a body is a broken benchmark.</summary>
    public async Task SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode || body.Length == 0)
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} with {body.Length} bytes");
        }
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
