using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;

namespace Sangathan.Organization;

public sealed record BearerOn(int PersonId, string NameEn, string NameHi, string PostEn, string PostHi, DateOnly From, DateOnly? Until);

/// <param name="Members">Members then at the unit and under it who are members still (not rejected since).</param>
public sealed record ChildOn(int Id, string Code, string NameEn, string NameHi, int? PartNumber, int Seats, int Filled, long Members, bool StandsToday);

/// <summary>A unit as it stood at the end of a past day: its place and names then, who held its posts, what lay under it.</summary>
public sealed record UnitOn(DateOnly On, bool Existed, UnitRef Unit, LevelRef Level, int? PartNumber, IReadOnlyList<UnitRef> Breadcrumbs,
    IReadOnlyList<BearerOn> OfficeBearers, int Seats, int Filled, long Members, IReadOnlyList<ChildOn> Children);

/// <summary>
/// The tree as it stood on a past date, read from what the re-cuts and edits kept: each unit's earlier place and names
/// (<see cref="UnitHistory"/>), the days units began and ended, appointments' own dates, and members' moves. Members
/// are counted where they were that day, if they had joined by then (their status is today's).
/// </summary>
public sealed class TreeOn(AppDb db, Door door, TimeProvider clock)
{
    sealed record State(int Id, int? ParentId, string Code, string NameEn, string NameHi, int? PartNumber, int LevelId, bool Existed, bool Live);

    public async Task<UnitOn?> RunAsync(int unitId, DateOnly on, CancellationToken ct = default)
    {
        var unit = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
        if ((await door.OpenAsync(unit is null ? null : new UnitResource(unit.Id, unit.Path), Operations.Read, ct)).Refused) return null;
        var states = new Dictionary<int, State>();
        var me = (await StatesAsync([unitId], on, states, ct))[unitId];

        var crumbs = new List<UnitRef>();
        for (var up = me.ParentId; up is { } id && crumbs.Count < 20;)
        {
            var s = (await StatesAsync([id], on, states, ct))[id];
            crumbs.Insert(0, new UnitRef(s.Id, s.Code, s.NameEn, s.NameHi));
            up = s.ParentId;
        }
        var level = await db.Levels.AsNoTracking().Where(l => l.Id == me.LevelId)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).FirstAsync(ct);

        var candidates = await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == unitId).Select(u => u.Id)
            .Union(db.UnitHistory.Where(h => h.ParentId == unitId && h.Until >= on).Select(h => h.UnitId)).ToListAsync(ct);
        var children = (await StatesAsync(candidates, on, states, ct)).Values.Where(s => s.Existed && s.ParentId == unitId).ToList();
        var members = await MembersAsync(unitId, unit!.Path, on, states, ct);
        var seats = await SeatsAsync(children.Select(c => (c.Id, c.LevelId)).Append((me.Id, me.LevelId)).ToList(), on, ct);
        var bearers = await BearersAsync(unitId, on, ct);

        var rows = children.Select(c => new ChildOn(c.Id, c.Code, c.NameEn, c.NameHi, c.PartNumber, seats[c.Id].Seats, seats[c.Id].Filled,
                members.GetValueOrDefault(c.Id), c.Live))
            .OrderBy(c => c.PartNumber ?? int.MaxValue).ThenBy(c => c.NameEn).ToList();
        return new UnitOn(on, me.Existed, new UnitRef(me.Id, me.Code, me.NameEn, me.NameHi), level, me.PartNumber, crumbs, bearers,
            seats[me.Id].Seats, seats[me.Id].Filled, members.GetValueOrDefault(unitId), rows);
    }

    /// <summary>How each unit stood on the day: its first history row that held until then or later, else as it stands now.</summary>
    async Task<Dictionary<int, State>> StatesAsync(IReadOnlyCollection<int> ids, DateOnly on, Dictionary<int, State> known, CancellationToken ct)
    {
        var wanted = ids.Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => wanted.Contains(u.Id)).ToListAsync(ct);
            var histories = (await db.UnitHistory.AsNoTracking().Where(h => wanted.Contains(h.UnitId) && h.Until >= on).ToListAsync(ct))
                .GroupBy(h => h.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Until).ThenBy(h => h.Id).First());
            foreach (var u in units)
            {
                var existed = (u.From is null || u.From <= on) && (u.Until is null || u.Until >= on);
                known[u.Id] = histories.TryGetValue(u.Id, out var h)
                    ? new State(u.Id, h.ParentId, h.Code, h.NameEn, h.NameHi, h.PartNumber, u.LevelId, existed, u.Until is null)
                    : new State(u.Id, u.ParentId, u.Code, u.NameEn, u.NameHi, u.PartNumber, u.LevelId, existed, u.Until is null);
            }
        }
        return ids.Distinct().Where(known.ContainsKey).ToDictionary(id => id, id => known[id]);
    }

    /// <summary>
    /// Members who had joined by the end of the day, counted at the unit and at each of its children that held them then.
    /// Those looked at: members under the unit now, under any unit whose place changed since, and any moved since.
    /// </summary>
    async Task<Dictionary<int, long>> MembersAsync(int unitId, string path, DateOnly on, Dictionary<int, State> states, CancellationToken ct)
    {
        var cutoff = TimeZoneInfo.ConvertTimeToUtc(on.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.LocalTimeZone);
        var changed = await db.UnitHistory.Where(h => h.Until >= on).Select(h => h.UnitId)
            .Union(db.Units.IgnoreQueryFilters().Where(u => u.From > on || u.Until >= on).Select(u => u.Id)).ToListAsync(ct);
        var tops = await db.Units.IgnoreQueryFilters().Where(u => changed.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct);
        tops.Add(path);
        var places = db.Units.IgnoreQueryFilters().UnderAny(tops);
        var counted = await db.Members
            .Where(m => m.CreatedAt < cutoff && m.Status != MemberStatus.Rejected
                && (places.Any(u => u.Id == m.BoothId) || db.MemberMoves.Any(mm => mm.MemberId == m.Id && mm.On > on)))
            .Select(m => db.MemberMoves.Where(mm => mm.MemberId == m.Id && mm.On > on).OrderBy(mm => mm.On).ThenBy(mm => mm.Id)
                .Select(mm => (int?)mm.FromBoothId).FirstOrDefault() ?? m.BoothId)
            .GroupBy(booth => booth).Select(g => new { Booth = g.Key, Count = g.LongCount() }).ToListAsync(ct);

        var result = new Dictionary<int, long>();
        foreach (var row in counted)
        {
            // Up the booth's chain as it stood that day, until the unit: the link below it is the child that held the members.
            int? below = null;
            for (int? at = row.Booth; at is { } id;)
            {
                if (id == unitId)
                {
                    result[unitId] = result.GetValueOrDefault(unitId) + row.Count;
                    if (below is { } child) result[child] = result.GetValueOrDefault(child) + row.Count;
                    break;
                }
                below = id;
                at = (await StatesAsync([id], on, states, ct)).GetValueOrDefault(id)?.ParentId;
            }
        }
        return result;
    }

    /// <summary>Each unit's own seats on the day (posts of its level not retired by then) and how many were filled.</summary>
    async Task<Dictionary<int, (int Seats, int Filled)>> SeatsAsync(List<(int Id, int LevelId)> units, DateOnly on, CancellationToken ct)
    {
        var levels = units.Select(u => u.LevelId).Distinct().ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => levels.Contains(p.LevelId) && (p.Until == null || p.Until >= on)).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var held = await db.Appointments.Where(a => ids.Contains(a.UnitId) && a.From <= on && (a.Until == null || a.Until >= on))
            .GroupBy(a => new { a.UnitId, a.PostId }).Select(g => new { g.Key.UnitId, g.Key.PostId, N = g.Count() }).ToListAsync(ct);
        return units.Distinct().ToDictionary(u => u.Id, u =>
        {
            var mine = posts.Where(p => p.LevelId == u.LevelId).ToList();
            return (mine.Sum(p => p.Seats), mine.Sum(p => Math.Min(p.Seats, held.FirstOrDefault(h => h.UnitId == u.Id && h.PostId == p.Id)?.N ?? 0)));
        });
    }

    async Task<List<BearerOn>> BearersAsync(int unitId, DateOnly on, CancellationToken ct) =>
        await db.Appointments.AsNoTracking().Where(a => a.UnitId == unitId && a.From <= on && (a.Until == null || a.Until >= on))
            .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a, p })
            .Join(db.People, x => x.a.PersonId, pe => pe.Id, (x, pe) => new { x.a, x.p, pe })
            .OrderBy(x => x.p.Rank).ThenBy(x => x.a.From)
            .Select(x => new BearerOn(x.pe.Id, x.pe.NameEn, x.pe.NameHi, x.p.NameEn, x.p.NameHi, x.a.From, x.a.Until))
            .ToListAsync(ct);
}
