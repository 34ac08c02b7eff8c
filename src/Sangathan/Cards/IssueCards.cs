using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Cards;

/// <summary>
/// Gives verified members their number and first card when a card of theirs is first asked for (one, or a unit's
/// batch). Uniqueness is the database's: the number table is keyed by member and its numbers are unique, and a member
/// has one card in use, so of two servers issuing at once one insert fails and reads what the other made; a random
/// number already taken is drawn again.
/// </summary>
public sealed class IssueCards(AppDb db, IOptions<CardOptions> options, TimeProvider clock)
{
    const int Chunk = 500, Attempts = 5;

    /// <summary>The member's card in use, issued now if they have none; null for a member not verified or whose card was ended for good.</summary>
    public async Task<Card?> LiveAsync(int memberId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (!await db.Members.AnyAsync(m => m.Id == memberId && m.Status == MemberStatus.Verified, ct)) return null;
            var latest = await db.Cards.AsNoTracking().Where(c => c.MemberId == memberId).OrderByDescending(c => c.Issue).FirstOrDefaultAsync(ct);
            // A card is only ever revoked together with the next issue, unless it was ended for good.
            if (latest is not null) return latest.RevokedAt is null ? latest : null;
            var numbered = await db.MemberNumbers.AnyAsync(n => n.MemberId == memberId, ct);
            var card = First(memberId, numbered);
            try
            {
                await db.SaveChangesAsync(ct);
                return card;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
        throw new InvalidOperationException($"No card could be issued to member {memberId} in {Attempts} attempts.");
    }

    /// <summary>First cards for every verified member under the unit who has none, a few hundred a transaction.</summary>
    public async Task<int> IssueMissingAsync(string unitPath, CancellationToken ct)
    {
        var missing = await (from m in db.Members
                             where m.Status == MemberStatus.Verified && !db.Cards.Any(c => c.MemberId == m.Id)
                             join u in db.Units.Under(unitPath) on m.BoothId equals u.Id
                             orderby m.Id
                             select m.Id).ToListAsync(ct);
        foreach (var ids in missing.Chunk(Chunk))
        {
            var numbered = (await db.MemberNumbers.Where(n => ids.Contains(n.MemberId)).Select(n => n.MemberId).ToListAsync(ct)).ToHashSet();
            foreach (var id in ids) First(id, numbered.Contains(id));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone else issued some of these meanwhile, or a number was drawn twice: one at a time, then.
                db.ChangeTracker.Clear();
                foreach (var id in ids) await LiveAsync(id, ct);
            }
            db.ChangeTracker.Clear();
        }
        return missing.Count;
    }

    /// <summary>The next card after the member's live one, which is revoked in the same save (see <see cref="RevokeCard"/>).</summary>
    public Card Next(int memberId, int issue) => Add(memberId, issue);

    Card First(int memberId, bool numbered)
    {
        if (!numbered)
            db.MemberNumbers.Add(new MemberNumber { MemberId = memberId, Number = MembershipNumber.New(), AssignedAt = clock.GetUtcNow().UtcDateTime });
        return Add(memberId, 1);
    }

    Card Add(int memberId, int issue)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var card = new Card
        {
            MemberId = memberId, Issue = issue, IssuedAt = now,
            ValidUntil = DateOnly.FromDateTime(now).AddYears(options.Value.ValidYears).AddDays(-1),
        };
        db.Cards.Add(card);
        return card;
    }
}
