using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Geography;
using Sangathan.People;

namespace Sangathan.Organization;

/// <summary>Everything a unit's page shows, in a handful of indexed queries whatever the tree's size.</summary>
public sealed class GetUnitPage(AppDb db, Door door)
{
    public const int ChildPageSize = 100;

    public async Task<UnitPageData?> RunAsync(int unitId, int childPage = 1, CancellationToken ct = default)
    {
        // A unit that ended (merged away) still has its page, saying so: people's past posts link to it.
        var unit = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new
            {
                u.Id, u.Code, u.NameEn, u.NameHi, u.ParentId, u.Path, u.AssemblyConstituencyId, u.PartNumber,
                u.Seats, u.SeatsFilled, u.SubtreeSeats, u.SubtreeFilled, u.Until,
                Level = new LevelRef(u.Level!.Id, u.Level.Key, u.Level.NameEn, u.Level.NameHi, u.Level.Depth),
            })
            .FirstOrDefaultAsync(ct);
        // A unit outside the caller's jurisdiction is answered as one that does not exist.
        var resource = unit is null ? null : new UnitResource(unit.Id, unit.Path);
        if ((await door.OpenAsync(resource, Operations.Read, ct)).Refused) return null;
        var reach = await door.ReachAsync(ct);

        var ancestorIds = UnitRules.IdsOn(unit!.Path)[..^1];
        var crumbs = await reach.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id))
            .OrderBy(u => u.Depth).Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).ToListAsync(ct);

        var bearers = await db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Until == null)
            .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a, p })
            .Join(db.People, x => x.a.PersonId, pe => pe.Id, (x, pe) => new { x.a, x.p, pe })
            .OrderBy(x => x.p.Rank).ThenBy(x => x.a.From).ThenBy(x => x.a.Id)
            .Select(x => new OfficeBearer(x.a.Id, x.pe.Id, x.p.Key, x.p.NameEn, x.p.NameHi, x.p.Rank,
                x.pe.NameEn, x.pe.NameHi, x.pe.Mobile, x.pe.Email, x.pe.WhatsApp, x.pe.PhotoId, x.pe.Village, x.a.From))
            .ToListAsync(ct);

        // Office bearers reach each other; a worker who reads the unit to enroll there sees their contacts masked.
        var contactsShown = await door.AllowsAsync(resource!, Operations.SeeContacts, ct);
        if (!contactsShown)
            bearers = bearers.Select(b => ContactsView.Of(b.Mobile, b.Email, b.WhatsApp, false) is var c
                ? b with { Mobile = c.Mobile, Email = c.Email, WhatsApp = c.WhatsApp, ContactsMasked = c.Masked } : b).ToList();

        var posts = (await db.Posts.AsNoTracking().Where(p => p.LevelId == unit.Level.Id && p.Until == null).OrderBy(p => p.Rank)
                .ToListAsync(ct))
            .Select(p => new PostSeats(p.Id, p.Key, p.NameEn, p.NameHi, p.Seats, bearers.Count(b => b.PostKey == p.Key)))
            .ToList();

        var childLevel = await db.Levels.AsNoTracking().Where(l => l.Depth == unit.Level.Depth + 1)
            .Select(l => new LevelRef(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth)).FirstOrDefaultAsync(ct);
        var childCount = await db.Units.CountAsync(u => u.ParentId == unitId, ct);
        var page = Math.Clamp(childPage, 1, Math.Max(1, (childCount + ChildPageSize - 1) / ChildPageSize));
        var children = await Children(unitId, childLevel, page, ct);
        if (!contactsShown)
            children = children.Select(c => c.PresidentMobile is { } m ? c with { PresidentMobile = PersonRules.Mask(m) } : c).ToList();

        var ac = unit.AssemblyConstituencyId is { } acId
            ? await db.Constituencies.Where(c => c.Id == acId).Select(c => new { c.NameEn, c.NameHi }).FirstOrDefaultAsync(ct)
            : null;

        return new UnitPageData(new UnitRef(unit.Id, unit.Code, unit.NameEn, unit.NameHi), unit.Level, unit.ParentId,
            unit.AssemblyConstituencyId, ac?.NameEn, ac?.NameHi, unit.PartNumber, unit.Seats, unit.SeatsFilled, unit.SubtreeSeats,
            unit.SubtreeFilled, crumbs, bearers, posts, await Representatives(reach, unitId, unit.AssemblyConstituencyId, ct),
            childLevel, children, childCount, page, ChildPageSize,
            unit.Until is null && await door.AllowsAsync(resource!, Operations.Edit, ct), await door.AllowsAsync(resource!, Operations.Export, ct),
            unit.Until);
    }

    async Task<List<ChildUnit>> Children(int unitId, LevelRef? childLevel, int page, CancellationToken ct)
    {
        if (childLevel is null) return [];
        var children = db.Units.AsNoTracking().Where(u => u.ParentId == unitId);
        // Listed in the reader's alphabet: Devanagari code points follow the varnamala, and the column is compared as "C".
        var units = await (Platform.Localization.Texts.IsHindi ? children.OrderBy(u => u.NameHi) : children.OrderBy(u => u.NameEn)).ThenBy(u => u.Id)
            .Skip((page - 1) * ChildPageSize).Take(ChildPageSize)
            .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.SubtreeSeats, u.SubtreeFilled })
            .ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var headPostId = await db.Posts.Where(p => p.LevelId == childLevel.Id && p.Until == null).OrderBy(p => p.Rank)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var heads = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.UnitId) && a.PostId == headPostId && a.Until == null)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.UnitId, p.Id, p.NameEn, p.NameHi, p.Mobile })
            .ToListAsync(ct);
        return units.Select(u =>
        {
            var head = heads.FirstOrDefault(h => h.UnitId == u.Id);
            return new ChildUnit(u.Id, u.Code, u.NameEn, u.NameHi, u.SubtreeSeats, u.SubtreeFilled,
                head?.Id, head?.NameEn, head?.NameHi, head?.Mobile);
        }).ToList();
    }

    /// <summary>MLAs and MPs of the constituencies tied to the unit, and for a booth those of its own seat.</summary>
    async Task<List<ElectedRepresentative>> Representatives(Reach reach, int unitId, int? acId, CancellationToken ct)
    {
        var constituencyIds = await db.ConstituencyUnits.Where(cu => cu.UnitId == unitId)
            .Select(cu => cu.ConstituencyId).ToListAsync(ct);
        if (acId is { } ac)
        {
            constituencyIds.Add(ac);
            var pc = await db.Constituencies.Where(c => c.Id == ac).Select(c => c.ParentId).FirstOrDefaultAsync(ct);
            if (pc is { } p) constituencyIds.Add(p);
        }
        var rows = await db.Representatives.AsNoTracking()
            .Where(r => constituencyIds.Contains(r.ConstituencyId) && r.Until == null)
            .Join(db.Constituencies, r => r.ConstituencyId, c => c.Id, (r, c) => new { r, c })
            .Join(db.People, x => x.r.PersonId, p => p.Id, (x, p) => new { x.r, x.c, p })
            .OrderByDescending(x => x.c.Kind).ThenBy(x => x.c.Number)
            .Select(x => new ElectedRepresentative(x.p.Id, x.p.NameEn, x.p.NameHi,
                x.c.Kind == ConstituencyKind.Parliamentary ? "MP" : "MLA", x.c.Number, x.c.NameEn, x.c.NameHi,
                x.p.PhotoId, x.p.Mobile, false, x.r.Party))
            .ToListAsync(ct);
        // A representative's mobile is masked as anyone's is, unless they are also an office bearer the reader reaches.
        // Asked of the few people found, by id: asked of all people, the rule's EXISTS scans the People table.
        var withMobile = rows.Where(r => r.Mobile is not null).Select(r => r.PersonId).Distinct().ToList();
        var shown = withMobile.Count == 0 ? []
            : await db.People.Where(p => withMobile.Contains(p.Id)).Where(reach.ContactsShown).Select(p => p.Id).ToListAsync(ct);
        return rows.Select(r => shown.Contains(r.PersonId) || r.Mobile is null ? r
            : r with { Mobile = PersonRules.Mask(r.Mobile), MobileMasked = true }).ToList();
    }
}
