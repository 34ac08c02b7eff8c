using Microsoft.Playwright;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// Headless Chromium driven by Playwright, as an xunit class fixture. It uses the system's Chromium (Debian's
/// package) because Playwright's own browser download cannot happen here: there is no network but the package
/// registries.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    IPlaywright? playwright;
    IBrowser? chromium;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("SANGATHAN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where browser tests leave their screenshots, for a person to look at.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("SANGATHAN_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A page in a context of its own (no cookies shared between tests), resolving relative URLs against <paramref name="app"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri app)
    {
        var context = await Chromium.NewContextAsync(new() { BaseURL = app.ToString() });
        return await context.NewPageAsync();
    }

    IBrowser Chromium => chromium ?? throw new InvalidOperationException("Browser is used before InitializeAsync.");

    public async Task DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        playwright?.Dispose();
    }
}
