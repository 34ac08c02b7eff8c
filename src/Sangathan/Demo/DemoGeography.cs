using Sangathan.Data;
using Sangathan.Geography;

namespace Sangathan.Demo;

/// <summary>Rajasthan's 25 parliamentary and 200 assembly constituencies, and their ties to party units.</summary>
internal static class DemoGeography
{
    /// <summary>Inserts both kinds and returns the assembly constituencies by number, ids filled in.</summary>
    public static async Task<(List<Constituency> Parliamentary, Dictionary<int, Constituency> Assembly)> InsertAsync(
        AppDb db, IReadOnlyList<AssemblyRow> assemblies, CancellationToken ct)
    {
        var pcs = ConstituencyNames.Parliamentary.Select((p, i) => new Constituency
        {
            Kind = ConstituencyKind.Parliamentary, Number = i + 1, NameEn = p.En, NameHi = p.Hi, Reservation = p.Reservation,
        }).ToList();
        db.Constituencies.AddRange(pcs);
        await db.SaveChangesAsync(ct);

        // Demo approximation: the real delimitation groups assembly seats into parliamentary ones irregularly;
        // here each run of eight consecutive numbers makes one (200 = 25 x 8), close to the real order.
        var acs = assemblies.Select(a => new Constituency
        {
            Kind = ConstituencyKind.Assembly, Number = a.Number, NameEn = a.NameEn,
            NameHi = ConstituencyNames.AssemblyHiOf(a.Number, a.NameEn), Reservation = a.Reservation,
            ParentId = pcs[Math.Clamp((a.Number - 1) / 8, 0, pcs.Count - 1)].Id,
        }).ToList();
        db.Constituencies.AddRange(acs);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (pcs, acs.ToDictionary(a => a.Number));
    }

    /// <summary>Each assembly seat to its district and its blocks; each parliamentary seat to the districts its seats lie in.</summary>
    public static IEnumerable<ConstituencyUnit> Ties(IReadOnlyList<AssemblyRow> assemblies,
        IReadOnlyDictionary<int, Constituency> acs, UnitPlan plan)
    {
        var seatTies = assemblies.Select(a => (acs[a.Number], plan.DistrictIds[a.DistrictCode]))
            .Concat(plan.BlockSeats.Select(b => (acs[b.AcNumber], b.BlockId)));
        var pcTies = assemblies.Select(a => (acs[a.Number].ParentId!.Value, plan.DistrictIds[a.DistrictCode]));
        return seatTies.Select(t => (t.Item1.Id, t.Item2)).Concat(pcTies).Distinct()
            .Select(t => new ConstituencyUnit { ConstituencyId = t.Item1, UnitId = t.Item2 });
    }
}
