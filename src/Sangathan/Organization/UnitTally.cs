using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Organization;

/// <summary>
/// Keeps each unit's seat counters right. Called in the transaction of every change that can move them
/// (appointments, a person's photo or mobile, a unit moved), and once in bulk after demo or import loads.
/// The same SQL serves both: own counts for the named units, then subtree sums bottom-up.
/// </summary>
public static class UnitTally
{
    const string OwnCounts = """
        UPDATE "Units" SET
          -- Retired posts have no seats, and a unit that ended (merged into another) has none either.
          "Seats" = COALESCE((SELECT SUM(p."Seats") FROM "Posts" p
              WHERE p."LevelId" = "Units"."LevelId" AND p."Until" IS NULL AND "Units"."Until" IS NULL), 0),
          "SeatsFilled" = COALESCE((SELECT SUM(CASE WHEN c.n > p."Seats" THEN p."Seats" ELSE c.n END)
              FROM (SELECT a."PostId", COUNT(*) AS n FROM "Appointments" a
                    WHERE a."UnitId" = "Units"."Id" AND a."Until" IS NULL GROUP BY a."PostId") c
              JOIN "Posts" p ON p."Id" = c."PostId" AND p."Until" IS NULL), 0),
          -- The test on the person sits in a CASE, not the WHERE: there SQLite starts from the index on
          -- People.Mobile and walks every person without one, for every unit (minutes at state scale).
          "HoldersWithoutPhoto" = (SELECT COUNT(DISTINCT CASE WHEN pe."PhotoId" IS NULL THEN a."PersonId" END)
              FROM "Appointments" a JOIN "People" pe ON pe."Id" = a."PersonId"
              WHERE a."UnitId" = "Units"."Id" AND a."Until" IS NULL),
          "HoldersWithoutMobile" = (SELECT COUNT(DISTINCT CASE WHEN pe."Mobile" IS NULL THEN a."PersonId" END)
              FROM "Appointments" a JOIN "People" pe ON pe."Id" = a."PersonId"
              WHERE a."UnitId" = "Units"."Id" AND a."Until" IS NULL)
        """;

    const string SubtreeSums = """
        UPDATE "Units" SET
          "SubtreeSeats" = "Seats" + COALESCE((SELECT SUM(c."SubtreeSeats") FROM "Units" c WHERE c."ParentId" = "Units"."Id"), 0),
          "SubtreeFilled" = "SeatsFilled" + COALESCE((SELECT SUM(c."SubtreeFilled") FROM "Units" c WHERE c."ParentId" = "Units"."Id"), 0)
        """;

    /// <summary>Recounts the given units and every ancestor of each.</summary>
    public static async Task RecountAsync(AppDb db, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        if (unitIds.Count == 0) return;
        // Units that ended are recounted too: to nothing, so that their parents' sums drop them.
        var paths = await db.Units.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct);
        var ids = string.Join(",", unitIds.Distinct());
        // Only integer ids are spliced in, never user text.
        var own = $"{OwnCounts} WHERE \"Id\" IN ({ids})";
        await db.Database.ExecuteSqlRawAsync(own, ct);

        // Each unit on the chain sums its children, so the deepest go first.
        var chain = paths.SelectMany(p => UnitRules.IdsOn(p).Select((id, depth) => (id, depth)))
            .Distinct().OrderByDescending(x => x.depth).ToList();
        foreach (var byDepth in chain.GroupBy(x => x.depth))
        {
            var list = string.Join(",", byDepth.Select(x => x.id));
            var sums = $"{SubtreeSums} WHERE \"Id\" IN ({list})";
            await db.Database.ExecuteSqlRawAsync(sums, ct);
        }
    }

    /// <summary>Recounts every unit of a level (its posts changed) and every unit above, level by level from the bottom.</summary>
    public static async Task RecountLevelAsync(AppDb db, int levelId, CancellationToken ct = default)
    {
        var depth = await db.Levels.Where(l => l.Id == levelId).Select(l => l.Depth).FirstAsync(ct);
        // Only integer ids and depths are spliced in.
        var own = $"{OwnCounts} WHERE \"LevelId\" = {levelId}";
        await db.Database.ExecuteSqlRawAsync(own, ct);
        for (var d = depth; d >= 0; d--)
        {
            var sums = $"{SubtreeSums} WHERE \"Depth\" = {d}";
            await db.Database.ExecuteSqlRawAsync(sums, ct);
        }
    }

    /// <summary>Recounts the whole tree, level by level from the bottom.</summary>
    public static async Task RecountAllAsync(AppDb db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync(OwnCounts, ct);
        var depths = await db.Units.IgnoreQueryFilters().Select(u => u.Depth).Distinct().OrderByDescending(d => d).ToListAsync(ct);
        foreach (var depth in depths)
        {
            var sums = $"{SubtreeSums} WHERE \"Depth\" = {depth}";
            await db.Database.ExecuteSqlRawAsync(sums, ct);
        }
    }
}
