using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Organization;

public static class LevelSetup
{
    /// <summary>Writes the configured levels and posts into an empty database; later edits live in the database.</summary>
    public static async Task EnsureLevelsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<OrganizationOptions>>().Value;
        if (!await db.Levels.AnyAsync(ct)) await WriteAsync(db, options, ct);
        // Members belong to booths: a booth level that is not there is a configuration error worth stopping for.
        if (await Membership.BoothLevel.FindAsync(db, options.BoothLevel, ct) is null)
            throw new InvalidOperationException(
                $"{OrganizationOptions.Section}:BoothLevel is \"{options.BoothLevel}\", but no level has that key.");
    }

    static async Task WriteAsync(AppDb db, OrganizationOptions options, CancellationToken ct)
    {
        if (options.Levels.Count == 0)
            throw new InvalidOperationException("Organization:Levels is empty: the party tree needs at least one level.");
        for (var depth = 0; depth < options.Levels.Count; depth++)
        {
            var l = options.Levels[depth];
            db.Levels.Add(new Level
            {
                Key = l.Key, NameEn = l.NameEn, NameHi = l.NameHi, Depth = depth,
                Posts = l.Posts.Select((p, rank) => new Post
                {
                    Key = p.Key, NameEn = p.NameEn, NameHi = p.NameHi, Seats = Math.Max(1, p.Seats), Rank = rank,
                }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
