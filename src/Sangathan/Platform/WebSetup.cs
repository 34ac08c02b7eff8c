using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace Sangathan.Platform;

public static class WebSetup
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.AddNetwork();
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Units/Edit", "units/new");
            o.Conventions.AddPageRoute("/People/Edit", "people/new");
        }).AddJsonOptions(o => // as the API: enums by name, no U+0000
        {
            o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.JsonSerializerOptions.Converters.Add(new NulCharacters.RefusingConverter());
        });
        builder.Services.AddOpenApi();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new NulCharacters.RefusingConverter());
        });
        // Office bearers are on 2G/3G: compress every text answer, HTTPS or not.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        // Razor would otherwise write every Devanagari letter as an 8-byte entity: pages three times larger on 2G.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static void UseWeb(this WebApplication app)
    {
        app.UseNetwork();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // A malformed request body is the client's fault: 400, not the 500 of an unexpected failure.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // People get a page in their language; the API keeps its ProblemDetails.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        // Routing after the status-code pages, so a re-executed /status/404 finds its page.
        app.UseRouting();
        // After routing: the endpoint's own body-size limit then holds when the refusal reads a form.
        app.UseNulRefusal();
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable reference at /api.</summary>
    public static void MapApiReference(this WebApplication app)
    {
        // The description of the API holds no data, and the app's developers need it before they can sign in.
        app.MapOpenApi().AllowAnonymous();
        // Without Scalar's default fonts, which its CDN would serve and the content security policy refuses anyway.
        app.MapScalarApiReference("/api", o => o.WithTitle("Sangathan API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts())
            .AllowAnonymous();
    }

    /// <summary>Says where to open the app once it listens, for whoever ran the run command.</summary>
    public static void AnnounceAddress(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls) Console.WriteLine($"Sangathan is running. Open {url} in a browser.");
        });
}
