using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Demo;

public static class DemoSetup
{
    public const string SeedKey = "Demo:Seed";

    /// <summary>
    /// Loads the demo at the scale "Demo:Seed" names (none, small or full; small when unset) into a database
    /// that has no units yet. A database with any unit is left alone, so real data is never mixed with demo data.
    /// </summary>
    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var configured = scope.ServiceProvider.GetRequiredService<IConfiguration>()[SeedKey];
        var scale = ParseSetting(configured);
        if (scale is null) return;
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sangathan.Demo");
        if (await db.Units.AnyAsync(ct))
        {
            DemoLog.NotEmpty(logger);
            return;
        }
        await DemoSeeder.SeedAsync(db, scale.Value, logger, ct);
    }

    /// <summary>The scale a setting names, null for "none"; anything else is a configuration error worth stopping for.</summary>
    public static DemoScale? ParseSetting(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "small" => DemoScale.Small,
        "full" => DemoScale.Full,
        "none" => null,
        _ => throw new InvalidOperationException($"{SeedKey} must be none, small or full, not \"{value}\"."),
    };
}
