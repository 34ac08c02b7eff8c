using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Organization;

public sealed record VillageCount(string Village, int Members);

public sealed record BearerHere(int AppointmentId, string PostEn, string PostHi, string NameEn, string NameHi);

public sealed record Sibling(int Id, string Code, string NameEn, string NameHi, int? PartNumber, int Members);

/// <summary>What the re-cut page shows of a booth: its members by village, its office bearers, the booths beside it.</summary>
public sealed record RecutBooth(UnitRef Booth, UnitRef Parent, int? PartNumber, bool IsBooth, int Members, IReadOnlyList<VillageCount> Villages,
    IReadOnlyList<BearerHere> Bearers, IReadOnlyList<Sibling> Siblings);

public sealed class BoothForRecut(AppDb db, Door door, BoothLevel booths)
{
    public async Task<RecutBooth?> RunAsync(int unitId, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return null;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit?.ParentId is not { } parentId) return null;
        var parent = await db.Units.AsNoTracking().Where(u => u.Id == parentId).Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).FirstAsync(ct);
        var members = db.Members.Where(m => m.BoothId == unitId);
        var villages = (await members.GroupBy(m => m.Village).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Where(v => v.Key is not null).GroupBy(v => PersonRules.Clean(v.Key).ToLowerInvariant())
            .Select(g => new VillageCount(PersonRules.Clean(g.First().Key), g.Sum(v => v.N))).OrderByDescending(v => v.Members).ThenBy(v => v.Village).ToList();
        var bearers = await db.Appointments.AsNoTracking().Where(a => a.UnitId == unitId && a.Until == null)
            .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a, p })
            .Join(db.People, x => x.a.PersonId, pe => pe.Id, (x, pe) => new { x.a, x.p, pe })
            .OrderBy(x => x.p.Rank).Select(x => new BearerHere(x.a.Id, x.p.NameEn, x.p.NameHi, x.pe.NameEn, x.pe.NameHi)).ToListAsync(ct);
        var siblings = await db.Units.AsNoTracking().Where(u => u.ParentId == parentId && u.Id != unitId && u.LevelId == unit.LevelId)
            .OrderBy(u => u.PartNumber).ThenBy(u => u.NameEn).Take(200)
            .Select(u => new Sibling(u.Id, u.Code, u.NameEn, u.NameHi, u.PartNumber, db.Members.Count(m => m.BoothId == u.Id))).ToListAsync(ct);
        return new RecutBooth(new UnitRef(unit.Id, unit.Code, unit.NameEn, unit.NameHi), parent, unit.PartNumber,
            unit.LevelId == await booths.IdAsync(db, ct), await members.CountAsync(ct), villages, bearers, siblings);
    }
}
