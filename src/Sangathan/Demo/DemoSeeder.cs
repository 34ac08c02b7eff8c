using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Demo;

/// <summary>Small: the state and 33 districts, with blocks, mandals and booths in Jaipur and Jodhpur only.
/// Full: the scale the party reported, about 400 blocks, 2,200 mandals and 54,000 booths.</summary>
public enum DemoScale { Small, Full }

/// <summary>
/// Loads a believable Rajasthan organization. The same scale always gives the same data (fixed seeds).
/// Expects the levels and posts in the database already (LevelSetup), and reads them from there.
/// </summary>
public static class DemoSeeder
{
    const int Seed = 20_240_604;
    const int BatchSize = 8_000;

    /// <summary>One random stream per purpose, so one part's draws never shift another's.</summary>
    internal static Random RandomFor(int stream) => new(Seed + 7_919 * (stream + 2));

    public static async Task SeedAsync(AppDb db, DemoScale scale, ILogger logger, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        DemoLog.Loading(logger, scale.ToString().ToLowerInvariant());
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth).Take(5).ToListAsync(ct);
        var posts = (await db.Posts.AsNoTracking().OrderBy(p => p.Rank).ThenBy(p => p.Id).ToListAsync(ct))
            .GroupBy(p => p.LevelId).ToDictionary(g => g.Key, g => g.ToList());
        if (levels.Count < 5 || levels.Any(l => !posts.ContainsKey(l.Id)))
            throw new InvalidOperationException(
                "The demo needs five levels (state, district, block, mandal, booth), each with posts; run LevelSetup first.");

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Hundreds of thousands of rows made by the app, not by anyone: one summary entry, not one per row.
        db.SuppressAudit = true;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var photos = await DemoPhotos.InsertAsync(db, ct);
            var districts = DemoSource.Districts();
            var assemblies = DemoSource.Assemblies();
            var (pcs, acs) = await DemoGeography.InsertAsync(db, assemblies, ct);

            // Ids are handed out here rather than by the database, so that paths are known before insert.
            var plan = new UnitPlan(scale, levels, await NextIdAsync(db.Units.Select(u => (int?)u.Id), ct));
            plan.Build(districts, assemblies, acs.ToDictionary(a => a.Key, a => a.Value.Id));
            var units = await DemoWriter.InsertAllAsync(db, plan.Units.Select(u => u.Unit), BatchSize, ct);
            await DemoWriter.InsertAllAsync(db, DemoGeography.Ties(assemblies, acs, plan), BatchSize, ct);
            DemoLog.Phase(logger, "units", units, clock.Elapsed.TotalSeconds);

            var factory = new PersonFactory(RandomFor(-1), photos, await NextIdAsync(db.People.Select(p => (int?)p.Id), ct));
            var writer = new DemoWriter(db, BatchSize);
            var filler = new SeatFiller(factory, writer, levels, posts, districts, RandomFor(-2),
                await NextIdAsync(db.Appointments.Select(a => (int?)a.Id), ct));
            foreach (var slice in plan.Units.Chunk(10_000))
            {
                await filler.FillAsync(slice, ct);
                DemoLog.Progress(logger, factory.Created, filler.Appointments, clock.Elapsed.TotalSeconds);
            }
            var elected = await DemoRepresentatives.AddAsync(factory, writer, RandomFor(-3), assemblies, acs, pcs, ct);
            await writer.FlushAsync(ct);
            DemoLog.Phase(logger, "people and appointments", writer.Written, clock.Elapsed.TotalSeconds);

            await Search.NameIndex.BackfillAsync(db, ct, batch: 50_000);
            DemoLog.Phase(logger, "name words for search", factory.Created, clock.Elapsed.TotalSeconds);
            await AfterBulkLoadAsync(db, ct);
            await UnitTally.RecountAllAsync(db, ct);
            await AuditWriter.AppendAsync(db, SystemActor.Instance, TimeProvider.System,
                [new AuditDraft("demo-load", After: $"{{\"scale\":\"{scale}\",\"units\":{units},\"people\":{factory.Created}}}")], ct);
            await tx.CommitAsync(ct);
            DemoLog.Loaded(logger, scale, units, factory.Created, filler.Appointments, elected, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            db.SuppressAudit = false;
        }
    }

    static async Task<int> NextIdAsync(IQueryable<int?> ids, CancellationToken ct) => (await ids.MaxAsync(ct) ?? 0) + 1;

    /// <summary>
    /// PostgreSQL's identity sequences did not see the ids given above, so they are moved past them; and
    /// fresh statistics let the planner use the indexes in the recount that follows.
    /// </summary>
    static async Task AfterBulkLoadAsync(AppDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Only these fixed table names are spliced in.
            foreach (var table in new[] { "Units", "People", "Appointments" })
            {
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))";
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Units\", \"People\", \"Appointments\", \"Posts\"", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
    }
}
