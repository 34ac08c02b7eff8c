using Microsoft.EntityFrameworkCore;
using Sangathan.Organization;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;

namespace Sangathan.Cards;

/// <summary>A verified member in a list of cards: no voter ID, no mobile; the number once a card was issued.</summary>
public sealed record CardListItem(int MemberId, string NameHi, string NameEn, string BoothCode, string? Number, int? Issue, bool Ended);

public sealed record CardListPage(IReadOnlyList<CardListItem> Members, int? Next);

/// <summary>The verified members whose cards the caller prints: a unit's (for those who print its cards) or those the caller enrolled.</summary>
public sealed class CardLists(AppDb db, Door door)
{
    public const int PageSize = 50;

    /// <returns>Null when the unit is not the caller's to print (<see cref="Operations.PrintCards"/>).</returns>
    public async Task<CardListPage?> OfUnitAsync(int unitId, int? after, CancellationToken ct)
    {
        var unit = await door.UnitAsync(unitId, Operations.PrintCards, ct);
        if (unit.Refused) return null;
        return await PageAsync(from m in db.Members.AsNoTracking()
                               join u in db.Units.Under(unit.Resource!.Path) on m.BoothId equals u.Id
                               select m, after, ct);
    }

    public async Task<CardListPage?> MineAsync(int? after, CancellationToken ct)
    {
        if (door.PersonId is not { } me) return null;
        return await PageAsync(db.Members.AsNoTracking().Where(m => m.EnrolledById == me), after, ct);
    }

    async Task<CardListPage> PageAsync(IQueryable<Member> members, int? after, CancellationToken ct)
    {
        var rows = await (from m in members
                          where m.Status == MemberStatus.Verified && (after == null || m.Id > after)
                          join u in db.Units on m.BoothId equals u.Id
                          from n in db.MemberNumbers.Where(n => n.MemberId == m.Id).DefaultIfEmpty()
                          orderby m.Id
                          select new
                          {
                              m.Id, m.NameHi, m.NameEn, u.Code, Number = n == null ? (long?)null : n.Number,
                              Live = db.Cards.Where(c => c.MemberId == m.Id && c.RevokedAt == null).Select(c => (int?)c.Issue).FirstOrDefault(),
                              Any = db.Cards.Any(c => c.MemberId == m.Id),
                          }).Take(PageSize + 1).ToListAsync(ct);
        var items = rows.Take(PageSize).Select(r => new CardListItem(r.Id, r.NameHi, r.NameEn, r.Code,
            r.Number is { } n ? MembershipNumber.Format(n) : null, r.Live, r.Any && r.Live is null)).ToList();
        return new CardListPage(items, rows.Count > PageSize ? items[^1].MemberId : null);
    }
}
