using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;

namespace Sangathan.Cards;

public sealed record CardHistoryItem(int Issue, DateTime IssuedAt, DateOnly ValidUntil, DateTime? RevokedAt, CardEnd? Reason, string? Note);

/// <summary>A member's card page: who, where, their cards so far, and what the caller may do about them.</summary>
public sealed record MemberCardView(int MemberId, string NameHi, string NameEn, string BoothHi, string BoothEn, string BoothCode, bool Verified,
    string? Number, IReadOnlyList<CardHistoryItem> Cards, bool MayReplace, bool MayEnd)
{
    public CardHistoryItem? Live => Cards.FirstOrDefault(c => c.RevokedAt is null);
}

public sealed class GetMemberCard(AppDb db, Door door, IssueCards issue)
{
    /// <returns>Null when the member is not the caller's to print (as not found).</returns>
    public async Task<MemberCardView?> RunAsync(int memberId, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Join(db.Units, m => m.BoothId, u => u.Id, (m, u) => new { m.NameHi, m.NameEn, m.Status, m.EnrolledById, u.Path, BoothHi = u.NameHi, BoothEn = u.NameEn, u.Code })
            .FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(m is null ? null : new MemberResource(memberId, m.Path, m.EnrolledById), Operations.PrintCards, ct);
        if (m is null || opened.Refused) return null;
        var member = opened.Resource!;
        var verified = m.Status == MemberStatus.Verified;
        if (verified) await issue.LiveAsync(memberId, ct);
        var number = await db.MemberNumbers.Where(n => n.MemberId == memberId).Select(n => (long?)n.Number).FirstOrDefaultAsync(ct);
        var cards = await db.Cards.AsNoTracking().Where(c => c.MemberId == memberId).OrderByDescending(c => c.Issue)
            .Select(c => new CardHistoryItem(c.Issue, c.IssuedAt, c.ValidUntil, c.RevokedAt, c.EndReason, c.EndNote)).ToListAsync(ct);
        return new MemberCardView(memberId, m.NameHi, m.NameEn, m.BoothHi, m.BoothEn, m.Code, verified,
            number is { } n ? MembershipNumber.Format(n) : null, cards,
            await door.AllowsAsync(member, Operations.ReplaceCard, ct), await door.AllowsAsync(member, Operations.EndCard, ct));
    }
}
