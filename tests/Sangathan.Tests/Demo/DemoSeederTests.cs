using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sangathan.Demo;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Demo;

public sealed class DemoSeederTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task TheSmallDemoIsAConsistentTreeWithBelievableGaps()
    {
        await app.WithDb(db => DemoSeeder.SeedAsync(db, DemoScale.Small, NullLogger.Instance, default));

        await app.WithDb(async db =>
        {
            var booths = db.Units.Where(u => u.Level!.Key == "booth");
            Assert.True(await booths.CountAsync() > 100);
            Assert.False(await booths.AnyAsync(b => b.AssemblyConstituencyId == null || b.PartNumber == null));
            Assert.Equal(33, await db.Units.CountAsync(u => u.Depth == 1));
            Assert.Equal(200, await db.Constituencies.CountAsync(c => c.Kind == Sangathan.Geography.ConstituencyKind.Assembly));

            // The counters the pages read agree with the appointments themselves.
            var current = await db.Appointments.CountAsync(a => a.Until == null);
            var filled = await db.Units.SumAsync(u => u.SeatsFilled);
            var root = await db.Units.SingleAsync(u => u.ParentId == null);
            Assert.Equal(current, filled);
            Assert.Equal(filled, root.SubtreeFilled);
            Assert.Equal(await db.Units.SumAsync(u => u.Seats), root.SubtreeSeats);
            Assert.InRange(100.0 * root.SubtreeFilled / root.SubtreeSeats, 50, 95);

            Assert.True(await db.Appointments.AnyAsync(a => a.Until != null), "some history of ended appointments");
            var mobiles = await db.People.Where(p => p.Mobile != null).Select(p => p.Mobile!).ToListAsync();
            Assert.All(mobiles, m => Assert.Matches(@"^\+91[6-9]\d{9}$", m));
            Assert.True(await db.People.AnyAsync(p => p.Mobile == null), "some people lack a mobile");
            Assert.False(await db.People.AnyAsync(p => p.NameHi == "" || p.NameEn == ""));
        });
    }
}
