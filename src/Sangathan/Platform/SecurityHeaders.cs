namespace Sangathan.Platform;

/// <summary>
/// Headers on every answer. The content security policy allows only the app's own scripts and styles,
/// so injected markup cannot run; answers holding personal data are never stored by browsers or proxies.
/// </summary>
public static class SecurityHeaders
{
    const string StrictBase = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";

    // The API reference page (Scalar, under /api/) configures itself with inline script and style; it holds
    // no data and is the only page given that allowance.
    const string ApiReference = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        // Forms may also go where a feature needs them to (the payment gateway's hosted checkout), and nowhere else.
        var formActions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityHeaderOptions>>().Value.FormActions;
        var strict = string.Join(' ', [StrictBase, .. formActions.Distinct()]);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var reference = path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/v1");
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = reference ? ApiReference : strict;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
                if (!h.ContainsKey("Cache-Control")) h.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}

/// <summary>Origins beside the app's own that its forms may post to, added by the features that need them.</summary>
public sealed class SecurityHeaderOptions
{
    public List<string> FormActions { get; } = [];
}
