using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Sangathan.Platform.Localization;

public static class LanguageSetup
{
    /// <summary>English and every language with a translators' file (Texts/*.po).</summary>
    public static readonly IReadOnlyList<string> Supported = TextCatalog.Shared.Languages;

    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        var localizer = (PoStringLocalizer)Texts.Localizer;
        builder.Services.AddSingleton<IStringLocalizerFactory>(localizer);
        builder.Services.AddSingleton<IStringLocalizer>(localizer);
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The chosen language lives in a cookie so it is remembered; a phone set to Hindi gets Hindi first time.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>GET /language/{code}?returnUrl=... sets the language cookie for a year and goes back.</summary>
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            if (!Supported.Contains(code)) return Results.NotFound();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(ReturnUrls.Safe(returnUrl));
        }).ExcludeFromDescription().AllowAnonymous();
}
