using Sangathan.Geography;

namespace Sangathan.Demo;

/// <summary>The party's MLAs in about 40% of assembly seats and MPs in six parliamentary ones.</summary>
internal static class DemoRepresentatives
{
    // Rajasthan's assembly results were declared on 3 December 2023, the Lok Sabha's on 4 June 2024.
    static readonly DateOnly AssemblyFrom = new(2023, 12, 3);
    static readonly DateOnly ParliamentFrom = new(2024, 6, 4);

    public static async Task<int> AddAsync(PersonFactory factory, DemoWriter writer, Random rng,
        IReadOnlyList<AssemblyRow> assemblies, IReadOnlyDictionary<int, Constituency> acs,
        IReadOnlyList<Constituency> pcs, CancellationToken ct)
    {
        var won = assemblies.ToArray();
        rng.Shuffle(won);
        var count = 0;
        foreach (var seat in won.Take(won.Length * 2 / 5).OrderBy(a => a.Number))
        {
            var ac = acs[seat.Number];
            await AddAsync(factory, writer, ac, seat.DistrictCode, AssemblyFrom, "assembly", ct);
            count++;
        }

        var mps = pcs.ToArray();
        rng.Shuffle(mps);
        foreach (var pc in mps.Take(6).OrderBy(p => p.Number))
        {
            var district = assemblies.First(a => acs[a.Number].ParentId == pc.Id).DistrictCode;
            await AddAsync(factory, writer, pc, district, ParliamentFrom, "parliamentary", ct);
            count++;
        }
        return count;
    }

    static async Task AddAsync(PersonFactory factory, DemoWriter writer, Constituency seat, string districtCode,
        DateOnly from, string kind, CancellationToken ct)
    {
        var person = factory.Create(PersonFactory.Elected, districtCode, seat.NameEn, $"{seat.NameEn} {kind} constituency");
        await writer.AddAsync(person, ct);
        await writer.AddAsync(new Representative { PersonId = person.Id, ConstituencyId = seat.Id, From = from }, ct);
    }
}
