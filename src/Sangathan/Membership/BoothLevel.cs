using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>
/// The level of the polling booth, where members belong: named in configuration (Organization:BoothLevel), never
/// inferred from the tree's shape, since a party may run levels below the booth (page committees). Everything that
/// must know the booth asks here. Its id never changes and is read once per process; its depth changes when a level
/// is added above it, so it is read each time it is asked for.
/// </summary>
public sealed class BoothLevel(IOptions<OrganizationOptions> options)
{
    int? id;

    public string Key => options.Value.BoothLevel;

    public async ValueTask<int> IdAsync(AppDb db, CancellationToken ct = default) => id ??= await FindAsync(db, Key, ct)
        ?? throw new InvalidOperationException($"{OrganizationOptions.Section}:BoothLevel names \"{Key}\", which is not a level.");

    public async Task<int> DepthAsync(AppDb db, CancellationToken ct = default)
    {
        var level = await IdAsync(db, ct);
        return await db.Levels.Where(l => l.Id == level).Select(l => l.Depth).FirstAsync(ct);
    }

    public static Task<int?> FindAsync(AppDb db, string key, CancellationToken ct) =>
        db.Levels.Where(l => l.Key == key).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
}
