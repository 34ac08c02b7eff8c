using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Demo;

/// <summary>A unit to insert, with what the people generator needs to know about where it is.</summary>
internal sealed record PlannedUnit(Unit Unit, int District, string Village, string Jurisdiction);

/// <summary>
/// Lays out the whole tree in memory with ids assigned up front, so each unit's path is known before insert:
/// the state, its districts, two blocks per assembly seat, mandals named after a village or town locality,
/// and booths numbered 1..N within each assembly seat as polling stations are.
/// </summary>
internal sealed class UnitPlan(DemoScale scale, IReadOnlyList<Level> levels, int firstId)
{
    // Seats of the big cities, whose blocks and mandals are town localities rather than villages.
    static readonly HashSet<int> UrbanSeats = [13, 14, 46, 49, 50, 51, 52, 53, 54, 55, 66, 100, 101, 127, 128, 129, 153, 189, 190];
    static readonly HashSet<string> SmallScaleDistricts = ["JPR", "JDH"];

    int nextId = firstId;
    public List<PlannedUnit> Units { get; } = [];
    public Dictionary<string, int> DistrictIds { get; } = [];
    public List<(int AcNumber, int BlockId)> BlockSeats { get; } = [];

    public void Build(IReadOnlyList<DistrictRow> districts, IReadOnlyList<AssemblyRow> assemblies,
        IReadOnlyDictionary<int, int> acIds)
    {
        var state = Add(0, null, "RJ", new("Rajasthan", "राजस्थान"), -1, "Jaipur", "Rajasthan");
        for (var d = 0; d < districts.Count; d++)
        {
            var row = districts[d];
            var district = Add(1, state, $"RJ-{row.Code}", new(row.NameEn, row.NameHi), d, row.NameEn,
                $"{row.NameEn} {levels[1].NameEn.ToLowerInvariant()}");
            DistrictIds[row.Code] = district.Unit.Id;
            if (scale == DemoScale.Small && !SmallScaleDistricts.Contains(row.Code)) continue;
            var rng = DemoSeeder.RandomFor(d);
            var blockNumber = 0;
            foreach (var ac in assemblies.Where(a => a.DistrictCode == row.Code))
                AddSeatBlocks(rng, district, row, ac, acIds[ac.Number], ref blockNumber);
        }
        // Parents before children, as the foreign key on ParentId wants at insert.
        Units.Sort((a, b) => (a.Unit.Depth, a.Unit.Id).CompareTo((b.Unit.Depth, b.Unit.Id)));
    }

    void AddSeatBlocks(Random rng, PlannedUnit district, DistrictRow row, AssemblyRow ac, int acId, ref int blockNumber)
    {
        var acHi = ConstituencyNames.AssemblyHiOf(ac.Number, ac.NameEn);
        var urbanSeat = UrbanSeats.Contains(ac.Number);
        var part = 0;
        foreach (var (suffixEn, suffixHi, townMandals) in BlockSuffixes(ac.NameEn, urbanSeat))
        {
            var name = new Spelling($"{ac.NameEn} {suffixEn}", $"{acHi} {suffixHi}");
            var block = Add(2, district, $"{district.Unit.Code}-B{++blockNumber:D2}", name, district.District, ac.NameEn,
                $"{name.En} {levels[2].NameEn.ToLowerInvariant()}, {row.NameEn}");
            BlockSeats.Add((ac.Number, block.Unit.Id));
            var mandals = scale == DemoScale.Full ? 5 + rng.Next(2) : 2;
            var used = new HashSet<string>();
            for (var m = 1; m <= mandals; m++)
            {
                var urban = m <= townMandals;
                var place = UniquePlace(rng, urban, used);
                var mandal = Add(3, block, $"{block.Unit.Code}-M{m:D2}", place, district.District, place.En,
                    $"{place.En} {levels[3].NameEn.ToLowerInvariant()}, {name.En}");
                var booths = scale == DemoScale.Full ? 24 + rng.Next(2) : 10;
                AddBooths(rng, mandal, urban, place, booths, acId, ac.NameEn, ref part);
            }
        }
    }

    void AddBooths(Random rng, PlannedUnit mandal, bool urban, Spelling seat, int count, int acId, string acEn, ref int part)
    {
        var used = new HashSet<string> { seat.En };
        var place = seat;
        var added = 0;
        while (added < count)
        {
            // The mandal's own village or locality is the biggest, with more polling stations than the rest.
            var here = Math.Min(count - added, place == seat ? 3 + rng.Next(2) : 1 + rng.Next(urban ? 3 : 2));
            var building = PlaceNames.Building(rng, urban);
            for (var room = 1; room <= here; room++)
            {
                var roomEn = here > 1 ? $" (Room {room})" : "";
                var roomHi = here > 1 ? $" (कक्ष {room})" : "";
                var name = new Spelling($"{building.En}, {place.En}{roomEn}", $"{building.Hi}, {place.Hi}{roomHi}");
                part++;
                Add(4, mandal, $"{mandal.Unit.Code}-P{part:D4}", name, mandal.District, place.En,
                    $"{levels[4].NameEn} {part}, {acEn}", acId, part);
            }
            added += here;
            place = UniquePlace(rng, urban, used);
        }
    }

    static Spelling UniquePlace(Random rng, bool urban, HashSet<string> used)
    {
        for (var tries = 0; ; tries++)
        {
            var place = urban ? PlaceNames.Locality(rng) : PlaceNames.Village(rng);
            if (used.Add(place.En) || tries > 20) return place;
        }
    }

    /// <summary>Two blocks per seat; the second number is how many of a block's mandals are in town.</summary>
    static (string En, string Hi, int TownMandals)[] BlockSuffixes(string acName, bool urbanSeat)
    {
        string[] directions = ["Rural", "Urban", "North", "South", "East", "West"];
        var town = urbanSeat ? int.MaxValue : 0;
        if (directions.Any(d => acName.EndsWith(" " + d, StringComparison.Ordinal)))
            return [("I", "प्रथम", town), ("II", "द्वितीय", town)];
        return urbanSeat
            ? [("East", "पूर्व", town), ("West", "पश्चिम", town)]
            : [("City", "शहर", 2), ("Rural", "ग्रामीण", 0)];
    }

    PlannedUnit Add(int level, PlannedUnit? parent, string code, Spelling name, int district, string village,
        string jurisdiction, int? acId = null, int? part = null)
    {
        var id = nextId++;
        var depth = levels[level].Depth;
        var unit = new Unit
        {
            Id = id, LevelId = levels[level].Id, ParentId = parent?.Unit.Id, Code = code, NameEn = name.En,
            NameHi = name.Hi, NameKey = PersonRules.KeyOf(name.En), Path = UnitRules.PathOf(parent?.Unit.Path ?? "/", id),
            Depth = depth, RegionId = parent is null ? null : parent.Unit.RegionId ?? id,
            AssemblyConstituencyId = acId, PartNumber = part,
        };
        var planned = new PlannedUnit(unit, district, village, jurisdiction);
        Units.Add(planned);
        return planned;
    }
}
