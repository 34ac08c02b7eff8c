using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Demo;

/// <summary>
/// Adds members to a loaded demo at the drive's scale (a crore over the full demo's 54,000 booths): enrolled over the
/// last 90 days by the booth's or mandal's president under a grant, a tenth joining online, most verified, some
/// flagged; each district at its own pace. Rows go in through <see cref="BulkInsert"/>, a few hundred booths per
/// transaction, and the tallies are summed here by the fold's own rules (<see cref="TallySums"/>) and written with them,
/// so every commit leaves members and their counts agreeing, as the fold would have left them.
/// </summary>
public static class DemoMembers
{
    const int BoothsPerCommit = 400;
    const int DriveDays = 90;

    sealed record Booth(int Id, string Path, int? RegionId, int? Enroller, int? Grant);

    public static async Task<int> AddAsync(AppDb db, int count, ILogger logger, DateOnly today, CancellationToken ct)
    {
        if (count <= 0) return 0;
        var clock = Stopwatch.StartNew();
        var rng = DemoSeeder.RandomFor(-10);
        var boothDepth = await db.Levels.MaxAsync(l => l.Depth, ct);
        var booths = await db.Units.AsNoTracking().Where(u => u.Depth == boothDepth).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Path, u.RegionId, u.ParentId }).ToListAsync(ct);
        if (booths.Count == 0) throw new InvalidOperationException("The demo has no booths: load it (seed-demo small|full) before adding members.");
        var fresh = !await db.Members.AnyAsync(ct);

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressAudit = true;
        try
        {
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000000", ct); // 2 GB: the member indexes stay in memory
            var consent = await ConsentAsync(db, ct);
            var (enrollerOf, grants) = await GrantsAsync(db, booths.Select(b => (b.Id, b.ParentId)).ToList(), ct);
            var plan = booths.Select(b => new Booth(b.Id, b.Path, b.RegionId, enrollerOf.GetValueOrDefault(b.Id).Person,
                enrollerOf.GetValueOrDefault(b.Id).Grant)).ToList();
            var perBooth = Shares(plan, count, rng);
            var next = (await db.Members.MaxAsync(m => (int?)m.Id, ct) ?? 0) + 1;
            var maker = new MemberMaker(rng, consent, today, DriveDays);
            var enrolledByGrant = new Dictionary<int, int>();
            var made = 0;
            foreach (var chunk in plan.Select((b, i) => (b, n: perBooth[i])).Chunk(BoothsPerCommit))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var sums = new TallySums();
                var rows = new List<object>(8_000);
                var flags = new List<object>();
                foreach (var (booth, n) in chunk)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var (member, flagged) = maker.Make(next++, booth.Id, booth.Enroller, booth.Grant);
                        rows.Add(member);
                        if (flagged) flags.Add(new MemberFlag { MemberId = member.Id, Kind = FlagKind.SharedMobile, Detail = "demo", CreatedAt = member.CreatedAt });
                        sums.AddMember(booth.Id, member, flagged);
                        if (member.GrantId is { } g) enrolledByGrant[g] = enrolledByGrant.GetValueOrDefault(g) + 1;
                        if (rows.Count == rows.Capacity) await FlushAsync(db, rows, ct);
                    }
                }
                await FlushAsync(db, rows, ct);
                await FlushAsync(db, flags, ct);
                var up = sums.RolledUp(chunk.ToDictionary(c => c.b.Id, c => c.b.Path));
                if (fresh)
                    foreach (var ofType in sums.Rows().GroupBy(r => r.GetType()))
                        foreach (var batch in ofType.Chunk(8_000)) await BulkInsert.WriteAsync(db, batch, ct);
                else await sums.WriteAsync(db, ct);
                await up.WriteAsync(db, ct);
                await tx.CommitAsync(ct);
                made += chunk.Sum(c => c.n);
                DemoLog.Members(logger, made, count, clock.Elapsed.TotalSeconds);
            }
            if (enrolledByGrant.Count > 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Each grant's count of members it enrolled, as enrollment keeps it, grown by the members made here.
                var ids = enrolledByGrant.Keys.ToArray();
                var before = new Dictionary<int, int>();
                foreach (var some in ids.Chunk(1_000))
                    foreach (var g in await db.Grants.AsNoTracking().Where(g => some.Contains(g.Id)).Select(g => new { g.Id, g.Enrolled }).ToListAsync(ct))
                        before[g.Id] = g.Enrolled;
                var counts = ids.Select(i => before.GetValueOrDefault(i) + enrolledByGrant[i]).ToArray();
                await Sql.SetByIdAsync(db, "Grants", ids, ct, ("Enrolled", counts));
                await AuditWriter.AppendAsync(db, SystemActor.Instance, TimeProvider.System,
                    [new AuditDraft("demo-members", After: $"{{\"members\":{made}}}")], ct);
                await tx.CommitAsync(ct);
            }
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"Members\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Members\"))", ct);
                await db.Database.ExecuteSqlRawAsync("ANALYZE \"Members\", \"MemberTallies\", \"MemberDayTallies\", \"MemberTotals\", \"EnrollerTallies\", \"MemberFlags\"", ct);
            }
            else await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            return made;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            db.SuppressAudit = false;
        }
    }

    static async Task FlushAsync(AppDb db, List<object> rows, CancellationToken ct)
    {
        await BulkInsert.WriteAsync(db, rows, ct);
        rows.Clear();
    }

    /// <summary>Members per booth: each district at its own pace (0.5 to 1.5 of the mean), each booth around its district's.</summary>
    static int[] Shares(List<Booth> booths, int count, Random rng)
    {
        var pace = new Dictionary<int, double>();
        var weights = booths.Select(b =>
        {
            var region = b.RegionId ?? 0;
            if (!pace.TryGetValue(region, out var p)) pace[region] = p = 0.5 + rng.NextDouble();
            return p * (0.6 + 0.8 * rng.NextDouble());
        }).ToArray();
        var total = weights.Sum();
        var shares = weights.Select(w => (int)(count * w / total)).ToArray();
        for (var i = 0; shares.Sum() < count; i = (i + 1) % shares.Length) shares[i]++;
        return shares;
    }

    static async Task<int> ConsentAsync(AppDb db, CancellationToken ct)
    {
        var id = await db.ConsentNotices.Where(c => c.Language == "hi").Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (id is { } found) return found;
        var notice = new ConsentNotice
        {
            Language = "hi", CreatedAt = DateTime.UtcNow, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("demo-consent"u8)),
            Text = "डेमो: सदस्यता के लिए मेरा नाम, मोबाइल, मतदाता पहचान पत्र और फ़ोटो पार्टी रखे, इसकी मैं सहमति देता/देती हूँ।",
        };
        db.ConsentNotices.Add(notice);
        await db.SaveChangesAsync(ct);
        return notice.Id;
    }

    /// <summary>
    /// The enroller of each booth: its president, else its mandal's; each holds a grant over their unit (the war room's,
    /// as the sunflower starts), made here if they have none.
    /// </summary>
    static async Task<(Dictionary<int, (int? Person, int? Grant)>, int)> GrantsAsync(AppDb db, List<(int Id, int? ParentId)> booths, CancellationToken ct)
    {
        var unitIds = booths.Select(b => b.Id).Concat(booths.Where(b => b.ParentId != null).Select(b => b.ParentId!.Value)).ToHashSet();
        var heads = (await db.Appointments.AsNoTracking().Where(a => a.Until == null)
                .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a.UnitId, a.PersonId, p.Rank })
                .Join(db.Units.Where(u => u.Depth >= 3), a => a.UnitId, u => u.Id, (a, u) => a).ToListAsync(ct))
            .Where(a => unitIds.Contains(a.UnitId))
            .GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Rank).First().PersonId);
        var existing = await db.Grants.AsNoTracking().Where(g => g.RevokedAt == null)
            .Select(g => new { g.Id, g.PersonId, g.UnitId }).ToListAsync(ct);
        var grantOf = existing.GroupBy(g => (g.PersonId, g.UnitId)).ToDictionary(g => g.Key, g => g.First().Id);
        var nextId = (await db.Grants.MaxAsync(g => (int?)g.Id, ct) ?? 0) + 1;
        var added = new List<object>();
        var result = new Dictionary<int, (int?, int?)>();
        foreach (var (booth, parent) in booths)
        {
            var unit = heads.ContainsKey(booth) ? booth : parent is { } m && heads.ContainsKey(m) ? m : (int?)null;
            if (unit is not { } u) { result[booth] = (null, null); continue; }
            var person = heads[u];
            if (!grantOf.TryGetValue((person, u), out var grant))
            {
                grantOf[(person, u)] = grant = nextId++;
                added.Add(new Grant { Id = grant, PersonId = person, UnitId = u, CreatedAt = DateTime.UtcNow.AddDays(-DriveDays - 1) });
            }
            result[booth] = (person, grant);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in added.Chunk(8_000)) await BulkInsert.WriteAsync(db, batch, ct);
        if (db.Database.IsNpgsql() && added.Count > 0)
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"Grants\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Grants\"))", ct);
        await tx.CommitAsync(ct);
        return (result, added.Count);
    }
}
