using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Completeness;

public sealed record VacantUnit(
    int UnitId, string Code, string NameEn, string NameHi, string LevelEn, string LevelHi,
    IReadOnlyList<UnitRef> Path, int Seats, int Filled, IReadOnlyList<PostSeats> VacantPosts, VacancyCaller? Caller = null);

/// <summary>
/// Who should fill a vacancy: the head of the unit above (its first post in rank), with their contacts as this reader
/// sees them (<see cref="People.ContactsView"/>: the Call button only with a number shown in full).
/// </summary>
public sealed record VacancyCaller(int PersonId, string NameEn, string NameHi, string PostEn, string PostHi, UnitRef Unit,
    [property: System.Text.Json.Serialization.JsonIgnore] People.ContactsView Contacts)
{
    public string? Mobile => Contacts.Mobile;
    public bool ContactsMasked => Contacts.Masked;
}

public sealed record VacancyPage(int Total, int Page, int PageSize, IReadOnlyList<VacantUnit> Units);

/// <summary>
/// The war room's work list: units with at least one empty seat, top levels first, a page at a time,
/// narrowed to a region and a level. Which posts are empty is worked out only for the page shown.
/// </summary>
public sealed class ListVacancies(AppDb db, Door door)
{
    public const int PageSize = 50;

    public async Task<VacancyPage> RunAsync(int? regionId, int? levelId, int page, CancellationToken ct = default, int? unitId = null, int? postId = null)
    {
        var reach = await door.ReachAsync(ct);
        var query = reach.Units.AsNoTracking().Where(u => u.SeatsFilled < u.Seats);
        // A post's vacancies: units of its level where fewer hold it now than it has seats.
        if (postId is { } post)
        {
            var seats = await db.Posts.Where(p => p.Id == post).Select(p => new { p.LevelId, p.Seats }).FirstOrDefaultAsync(ct);
            query = seats is null ? query.Where(u => false)
                : query.Where(u => u.LevelId == seats.LevelId
                    && db.Appointments.Count(a => a.UnitId == u.Id && a.PostId == post && a.Until == null) < seats.Seats);
        }
        if (regionId is { } r) query = query.Where(u => u.RegionId == r || u.Id == r);
        // A unit's own vacancies and those under it: what its completeness page's "vacant" link means.
        if (unitId is { } top)
        {
            var path = await reach.Units.Where(u => u.Id == top).Select(u => u.Path).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(u => false) : query.Under(path);
        }
        if (levelId is { } l) query = query.Where(u => u.LevelId == l);

        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var units = await query.OrderBy(u => u.Depth).ThenBy(u => u.Path).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.LevelId, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, u.Path, u.Seats, u.SeatsFilled })
            .ToListAsync(ct);

        var ids = units.Select(u => u.Id).ToList();
        var filled = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Until == null)
            .GroupBy(a => new { a.UnitId, a.PostId }).Select(g => new { g.Key.UnitId, g.Key.PostId, N = g.Count() })
            .ToListAsync(ct);
        var levelIds = units.Select(u => u.LevelId).Distinct().ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => levelIds.Contains(p.LevelId) && p.Until == null).OrderBy(p => p.Rank).ToListAsync(ct);
        var ancestorIds = units.SelectMany(u => UnitRules.IdsOn(u.Path)[..^1]).Distinct().ToList();
        var ancestors = await reach.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id))
            .Select(u => new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi)).ToDictionaryAsync(u => u.Id, ct);

        var callers = await CallersAsync(reach, units.Select(u => UnitRules.IdsOn(u.Path) is { Length: > 1 } ids ? ids[^2] : 0).Where(i => i != 0).Distinct().ToList(), ct);
        var rows = units.Select(u => new VacantUnit(u.Id, u.Code, u.NameEn, u.NameHi, u.LevelEn, u.LevelHi,
            UnitRules.IdsOn(u.Path)[..^1].Where(ancestors.ContainsKey).Select(a => ancestors[a]).ToList(),
            u.Seats, u.SeatsFilled,
            posts.Where(p => p.LevelId == u.LevelId && (postId is null || p.Id == postId))
                .Select(p => new PostSeats(p.Id, p.Key, p.NameEn, p.NameHi, p.Seats,
                    filled.Where(f => f.UnitId == u.Id && f.PostId == p.Id).Sum(f => f.N)))
                .Where(p => p.Vacant > 0).ToList(),
            UnitRules.IdsOn(u.Path) is { Length: > 1 } chain ? callers.GetValueOrDefault(chain[^2]) : null))
            .ToList();
        return new VacancyPage(total, page, PageSize, rows);
    }

    /// <summary>The head in post of each of these units (the parents of the vacant ones), one query for the page.</summary>
    async Task<Dictionary<int, VacancyCaller>> CallersAsync(Reach reach, List<int> parents, CancellationToken ct)
    {
        var heads = await (
            from a in db.Appointments.AsNoTracking().Where(a => parents.Contains(a.UnitId) && a.Until == null)
            join p in db.Posts on a.PostId equals p.Id
            join u in db.Units on a.UnitId equals u.Id
            join pe in db.People on a.PersonId equals pe.Id
            select new { a.UnitId, p.Rank, a.From, pe.Id, pe.NameEn, pe.NameHi, pe.Mobile, pe.Email, pe.WhatsApp, PostEn = p.NameEn, PostHi = p.NameHi,
                Unit = new UnitRef(u.Id, u.Code, u.NameEn, u.NameHi) }).ToListAsync(ct);
        var first = heads.GroupBy(h => h.UnitId).Select(g => g.OrderBy(h => h.Rank).ThenBy(h => h.From).First()).ToList();
        var ids = first.Select(h => h.Id).ToList();
        var shown = (await db.People.Where(p => ids.Contains(p.Id)).Where(reach.ContactsShown).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return first.ToDictionary(h => h.UnitId, h => new VacancyCaller(h.Id, h.NameEn, h.NameHi, h.PostEn, h.PostHi, h.Unit,
            People.ContactsView.Of(h.Mobile, h.Email, h.WhatsApp, shown.Contains(h.Id))));
    }
}
