using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Sangathan.Access;

/// <summary>
/// One scheme for both doors: pages carry the session in a cookie, the JSON API in a bearer token, and
/// neither accepts the other's (an API that took cookies would need CSRF tokens; a page never sends a bearer).
/// </summary>
public sealed class SessionAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "session";
    public const string Cookie = "sangathan_session";

    static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api/v1");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = IsApi(Request) ? Bearer() : Request.Cookies[Cookie];
        if (string.IsNullOrEmpty(token) || token.Length > 100) return AuthenticateResult.NoResult();
        var sessions = Context.RequestServices.GetRequiredService<Sessions>();
        var principal = await sessions.FindAsync(token, SchemeName, Context.RequestAborted);
        return principal is null ? AuthenticateResult.Fail("No such session.") : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    string? Bearer()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsApi(Request))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        var back = Request.Path + Request.QueryString;
        Response.Redirect($"/sign-in?returnUrl={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    /// <summary>Hands a page sign-in's session to the browser.</summary>
    public static void IssueCookie(HttpContext http, SignedIn session) =>
        http.Response.Cookies.Append(Cookie, session.Token, CookieOptions(http.Request, session.ExpiresAt));

    /// <summary>The cookie a page sign-in sets: HttpOnly, SameSite=Lax, and Secure wherever HTTPS is in use.</summary>
    static CookieOptions CookieOptions(HttpRequest request, DateTime expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        // Plain HTTP only on this machine's loopback (the run command); anywhere else the cookie needs HTTPS.
        Secure = request.IsHttps || !FromThisMachine(request),
        Expires = expires,
        IsEssential = true,
        Path = "/",
    };

    /// <summary>
    /// A browser on this very machine. Behind a trusted proxy the address is the client's already (Network:KnownProxies);
    /// a request still carrying forwarded headers came through a proxy not configured as one, so from elsewhere.
    /// </summary>
    static bool FromThisMachine(HttpRequest request) =>
        !request.Headers.ContainsKey("X-Forwarded-For") && !request.Headers.ContainsKey("X-Forwarded-Proto")
        && (request.HttpContext.Connection.RemoteIpAddress is { } ip
            ? System.Net.IPAddress.IsLoopback(ip)
            : request.Host.Host is "localhost" or "127.0.0.1"); // the in-memory test server has no peer
}
