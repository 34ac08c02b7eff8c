using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Demo;

/// <summary>
/// "seed-demo small|full [--replace]" on the app's command line: loads the demo and exits instead of serving.
/// It refuses a database that has units unless told to replace them, since replacing deletes real data too.
/// </summary>
public static class DemoCommand
{
    public const string Name = "seed-demo";
    const string Usage = "Usage: seed-demo small|full [--members N] [--replace], or seed-demo members N (to a loaded demo)";

    /// <summary>False when the arguments are not this command; otherwise runs it and sets the exit code.</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name) return false;
        var replace = args.Contains("--replace");
        var rest = args.Skip(1).Where(a => a != "--replace").ToList();
        var members = 0;
        var at = rest.IndexOf("--members");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || !int.TryParse(rest[at + 1], out members) || members < 0) return Fail(2, Usage);
            rest.RemoveRange(at, 2);
        }
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sangathan.Demo");
        if (rest is ["members", var n])
        {
            if (!int.TryParse(n, out members) || members <= 0) return Fail(2, Usage);
            return await AddMembersAsync(db, members, logger);
        }
        DemoScale? scale = rest is [var s] ? s.ToLowerInvariant() switch
        {
            "small" => DemoScale.Small, "full" => DemoScale.Full, _ => null,
        } : null;
        if (scale is null) return Fail(2, Usage);

        var existing = await db.Units.CountAsync();
        if (existing > 0 && !replace)
            return Fail(1, $"The database already has {existing} units, so no demo data was loaded. Add --replace to " +
                "delete all organization data (people, appointments, photos, units, constituencies; levels and posts stay) " +
                "and load the demo in its place.");

        var clock = Stopwatch.StartNew();
        if (replace)
        {
            await DemoReset.DeleteOrganizationDataAsync(db);
            Console.WriteLine($"Deleted organization data in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        await DemoSeeder.SeedAsync(db, scale.Value, logger, CancellationToken.None);
        var units = await db.Units.CountAsync();
        var people = await db.People.CountAsync();
        var appointments = await db.Appointments.CountAsync();
        Console.WriteLine($"Loaded demo data ({scale.Value.ToString().ToLowerInvariant()}) in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{units:N0} units, {people:N0} people, {appointments:N0} appointments.");
        return members == 0 || await AddMembersAsync(db, members, logger);
    }

    static async Task<bool> AddMembersAsync(AppDb db, int count, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        var made = await DemoMembers.AddAsync(db, count, logger, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        Console.WriteLine($"Added {made:N0} members with their tallies in {clock.Elapsed.TotalSeconds:0.0} s.");
        return true;
    }

    static bool Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(message);
        Environment.ExitCode = exitCode;
        return true;
    }
}
