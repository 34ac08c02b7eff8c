using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// The depth of the tree's lowest level, where members belong (the booth, by default). Levels are laid down once,
/// when the database is first set up, so it is read once per process.
/// </summary>
public sealed class BoothLevel
{
    int? depth;

    public async Task<int> DepthAsync(AppDb db, CancellationToken ct) => depth ??= await db.Levels.MaxAsync(l => l.Depth, ct);
}
