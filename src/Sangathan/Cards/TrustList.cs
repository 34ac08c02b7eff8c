using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Cards;

public sealed record TrustedKey(int Id, string PublicKey, DateTime CreatedAt);

/// <summary>
/// What an offline verifier keeps, as the EU's certificate apps keep their trust lists: the public keys cards may be
/// signed with (SubjectPublicKeyInfo, Base64) and the cards revoked while still within their validity, by number and
/// issue ("4089610185.1"). Nothing else about anyone.
/// </summary>
public sealed record TrustList(DateTime GeneratedAt, IReadOnlyList<TrustedKey> Keys, IReadOnlyList<string> Revoked);

public sealed class GetTrustList(AppDb db, TimeProvider clock)
{
    public async Task<TrustList> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var keys = await db.CardKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderBy(k => k.Id)
            .Select(k => new { k.Id, k.PublicKey, k.CreatedAt }).ToListAsync(ct);
        var revoked = await (from c in db.Cards.AsNoTracking()
                             where c.RevokedAt != null && c.ValidUntil >= today
                             join n in db.MemberNumbers on c.MemberId equals n.MemberId
                             orderby n.Number, c.Issue
                             select new { n.Number, c.Issue }).ToListAsync(ct);
        return new TrustList(now, keys.Select(k => new TrustedKey(k.Id, Convert.ToBase64String(k.PublicKey), k.CreatedAt)).ToList(),
            revoked.Select(r => CardIds.Of(r.Number, r.Issue)).ToList());
    }
}
