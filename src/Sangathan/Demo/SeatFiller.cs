using Sangathan.Organization;

namespace Sangathan.Demo;

/// <summary>
/// Fills seats so that the completeness view tells a believable story: the state nearly full, each level
/// below a little emptier, booths from about 40% to 90% by district, presidents more often in post than
/// committee members, some units with nobody on record yet, a little history and a few double posts.
/// </summary>
internal sealed class SeatFiller(PersonFactory factory, DemoWriter writer, IReadOnlyList<Level> levels,
    IReadOnlyDictionary<int, List<Post>> posts, IReadOnlyList<DistrictRow> districts, Random rng, int firstAppointmentId)
{
    static readonly double[] LevelTarget = [0.95, 0.90, 0.85, 0.80];

    // Below the district a unit is either on record (most seats filled, at this rate) or not yet at all:
    // data arrives a unit at a time, as a block or booth committee hands in its list.
    static readonly double[] OnRecordFill = [0.95, 0.90, 0.92, 0.90, 0.95];

    const double HistoryShare = 0.03;
    static readonly double[] DoublePostShare = [0, 0.05, 0.08, 0.05, 0.02];

    readonly double[] boothTargets = BoothTargets(districts.Count, rng);
    readonly Dictionary<int, double> mandalPace = [];
    readonly Dictionary<int, List<int>> deputies = [];
    int nextAppointmentId = firstAppointmentId;

    public int Appointments { get; private set; }

    public async Task FillAsync(IEnumerable<PlannedUnit> units, CancellationToken ct)
    {
        var chances = levels.Select((l, i) => PostChances(posts[l.Id], i <= 1 ? LevelTarget[i] : OnRecordFill[i])).ToArray();
        var levelOf = levels.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var planned in units)
        {
            var unit = planned.Unit;
            var level = levelOf[unit.LevelId];
            if (rng.NextDouble() >= OnRecordChance(level, planned)) continue;
            var districtCode = planned.District >= 0 ? districts[planned.District].Code : "JPR";
            var levelPosts = posts[unit.LevelId];
            for (var p = 0; p < levelPosts.Count; p++)
                for (var seat = 0; seat < levelPosts[p].Seats; seat++)
                    await FillSeatAsync(planned, level, levelPosts[p], p == 0, chances[level][p], districtCode, ct);
        }
    }

    async Task FillSeatAsync(PlannedUnit planned, int level, Post post, bool head, double chance, string districtCode,
        CancellationToken ct)
    {
        var unit = planned.Unit;
        DateOnly? from = null;
        if (rng.NextDouble() < chance)
        {
            var personId = head ? TakeDeputy(unit.ParentId, level) : null;
            if (personId is null)
            {
                var person = factory.Create(level, districtCode, planned.Village, planned.Jurisdiction);
                await writer.AddAsync(person, ct);
                personId = person.Id;
                if (!head && level <= 3) Deputies(unit.Id).Add(person.Id);
            }
            from = Day(level <= 1 ? new(2021, 3, 1) : new(2021, 6, 1), level <= 1 ? 1400 : 1580);
            await writer.AddAsync(Appointment(unit.Id, post.Id, personId.Value, from.Value, null), ct);
        }
        if (rng.NextDouble() < HistoryShare)
        {
            var until = from?.AddDays(-1 - rng.Next(90)) ?? Day(new(2021, 1, 1), 1640);
            var earlier = factory.Create(level, districtCode, planned.Village, planned.Jurisdiction);
            await writer.AddAsync(earlier, ct);
            await writer.AddAsync(Appointment(unit.Id, post.Id, earlier.Id, until.AddDays(-365 - rng.Next(1460)), until), ct);
        }
    }

    Appointment Appointment(int unitId, int postId, int personId, DateOnly from, DateOnly? until)
    {
        Appointments++;
        return new() { Id = nextAppointmentId++, UnitId = unitId, PostId = postId, PersonId = personId, From = from, Until = until };
    }

    double OnRecordChance(int level, PlannedUnit planned)
    {
        if (level <= 1) return 1;
        var target = level < 4 ? LevelTarget[level] : boothTargets[planned.District] * MandalPace(planned.Unit.ParentId ?? 0);
        return Math.Min(1, target / OnRecordFill[level]);
    }

    // Within a district some mandals are ahead and some far behind.
    double MandalPace(int mandalId)
    {
        if (!mandalPace.TryGetValue(mandalId, out var pace)) mandalPace[mandalId] = pace = 0.75 + 0.5 * rng.NextDouble();
        return pace;
    }

    /// <summary>Sometimes a unit's president is someone already in a lesser post one level up.</summary>
    int? TakeDeputy(int? parentId, int level)
    {
        if (parentId is not { } id || rng.NextDouble() >= DoublePostShare[level] || !deputies.TryGetValue(id, out var list)
            || list.Count == 0) return null;
        var i = rng.Next(list.Count);
        var personId = list[i];
        list.RemoveAt(i);
        return personId;
    }

    List<int> Deputies(int unitId)
    {
        if (!deputies.TryGetValue(unitId, out var list)) deputies[unitId] = list = [];
        return list;
    }

    DateOnly Day(DateOnly start, int spanDays) => start.AddDays(rng.Next(spanDays));

    /// <summary>
    /// Per-post chances averaging <paramref name="rate"/> over the seats: the head post is filled far more
    /// often, and the rest less often the lower their rank.
    /// </summary>
    static double[] PostChances(List<Post> posts, double rate)
    {
        var head = rate + (1 - rate) * 0.75;
        var others = posts.Skip(1).ToList();
        var otherSeats = others.Sum(p => p.Seats);
        if (otherSeats == 0) return [head];
        var average = (rate * (posts[0].Seats + otherSeats) - head * posts[0].Seats) / otherSeats;
        var weights = others.Select((_, i) => 1.15 - 0.3 * i / Math.Max(1, others.Count - 1)).ToArray();
        var meanWeight = others.Select((p, i) => weights[i] * p.Seats).Sum() / otherSeats;
        return [head, .. weights.Select(w => Math.Clamp(average * w / meanWeight, 0, 0.99))];
    }

    /// <summary>Booth progress by district: most well along, a few far behind.</summary>
    static double[] BoothTargets(int count, Random rng)
    {
        var targets = Enumerable.Range(0, count).Select(i => i switch
        {
            < 3 => 0.40 + 0.05 * i,
            < 8 => 0.62 + 0.025 * (i - 3),
            _ => 0.82 + 0.10 * rng.NextDouble(),
        }).ToArray();
        rng.Shuffle(targets);
        return targets;
    }
}
