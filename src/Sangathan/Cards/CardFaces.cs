using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Cards;

/// <summary>Reads what cards show: one member's, or a unit's verified members' in booth order, streamed with their photos.</summary>
public sealed class CardFaces(AppDb db, BoothLevel booths)
{
    // Set by name, not by constructor: EF Core composes further filters and joins only over such projections.
    sealed class Row
    {
        public int MemberId { get; init; }
        public long Number { get; init; }
        public int Issue { get; init; }
        public DateTime IssuedAt { get; init; }
        public DateOnly ValidUntil { get; init; }
        public string NameHi { get; init; } = "";
        public string NameEn { get; init; } = "";
        public int BoothId { get; init; }
        public string BoothHi { get; init; } = "";
        public string BoothEn { get; init; } = "";
        public int? PartNumber { get; init; }
        public int? ParentId { get; init; }
        public int? RegionId { get; init; }
        public byte[]? Photo { get; init; }
    }

    public async Task<CardFace?> OfMemberAsync(int memberId, CancellationToken ct)
    {
        var row = await Rows().Where(r => r.MemberId == memberId).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var names = await NamesAsync([row.ParentId ?? 0, row.RegionId ?? 0], ct);
        return Face(row, names);
    }

    /// <summary>Every verified member under the unit with a card in use, booth by booth, then by name.</summary>
    public async IAsyncEnumerable<CardFace> OfUnitAsync(string unitPath, [EnumeratorCancellation] CancellationToken ct)
    {
        // The mandals and districts the cards name: the unit's ancestors and the units under it above the booths.
        var boothDepth = await booths.DepthAsync(db, ct);
        var above = UnitRules.IdsOn(unitPath);
        var names = await db.Units.AsNoTracking()
            .Where(u => above.Contains(u.Id)).Select(u => new { u.Id, u.NameHi, u.NameEn })
            .Union(db.Units.Under(unitPath).Where(u => u.Depth < boothDepth).Select(u => new { u.Id, u.NameHi, u.NameEn })).ToDictionaryAsync(u => u.Id, u => (u.NameHi, u.NameEn), ct);
        var rows = from r in Rows()
                   join u in db.Units.Under(unitPath) on r.BoothId equals u.Id
                   orderby u.Path, r.NameEn, r.MemberId
                   select r;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct)) yield return Face(row, names);
    }

    /// <summary>How many cards <see cref="OfUnitAsync"/> gives.</summary>
    public Task<int> CountAsync(string unitPath, CancellationToken ct) =>
        (from r in Rows() join u in db.Units.Under(unitPath) on r.BoothId equals u.Id select r.MemberId).CountAsync(ct);

    IQueryable<Row> Rows() =>
        from m in db.Members.AsNoTracking()
        where m.Status == MemberStatus.Verified
        join n in db.MemberNumbers on m.Id equals n.MemberId
        join c in db.Cards.Where(c => c.RevokedAt == null) on m.Id equals c.MemberId
        join u in db.Units on m.BoothId equals u.Id
        from p in db.Photos.Where(p => p.Id == m.PhotoId).DefaultIfEmpty()
        select new Row
        {
            MemberId = m.Id, Number = n.Number, Issue = c.Issue, IssuedAt = c.IssuedAt, ValidUntil = c.ValidUntil, NameHi = m.NameHi, NameEn = m.NameEn,
            BoothId = u.Id, BoothHi = u.NameHi, BoothEn = u.NameEn, PartNumber = u.PartNumber, ParentId = u.ParentId, RegionId = u.RegionId,
            Photo = p == null ? null : p.Content,
        };

    async Task<Dictionary<int, (string NameHi, string NameEn)>> NamesAsync(int[] ids, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.NameHi, u.NameEn })
            .ToDictionaryAsync(u => u.Id, u => (u.NameHi, u.NameEn), ct);

    static CardFace Face(Row r, Dictionary<int, (string NameHi, string NameEn)> names)
    {
        var mandal = r.ParentId is { } p && names.TryGetValue(p, out var m) ? m : default;
        var district = r.RegionId is { } d && d != r.ParentId && names.TryGetValue(d, out var x) ? x : default;
        return new CardFace(r.MemberId, r.Number, r.Issue, DateOnly.FromDateTime(r.IssuedAt), r.ValidUntil, r.NameHi, r.NameEn, r.BoothId,
            r.BoothHi, r.BoothEn, r.PartNumber, mandal.NameHi, mandal.NameEn, district.NameHi, district.NameEn, r.Photo);
    }
}
