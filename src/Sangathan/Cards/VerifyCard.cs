using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Membership;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Cards;

public sealed record VerifyInput(string? Code);

/// <summary>A card as the verifier shows it: what its QR states (the number also as printed).</summary>
public sealed record CardShown(string Number, string NumberShown, int Issue, string NameHi, string NameEn, int UnitId, string UnitHi,
    string UnitEn, DateOnly IssuedOn, DateOnly ValidUntil, int KeyId)
{
    public static CardShown Of(CardStatement s) => new(s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MembershipNumber.Format(s.Number), s.Issue, s.NameHi, s.NameEn, s.UnitId, s.UnitHi, s.UnitEn, s.IssuedOn, s.ValidUntil, s.KeyId);
}

/// <summary>The verdict on a QR. The card is shown for genuine cards, revoked or expired ones included, never for forged ones.</summary>
public sealed record Verification(CardVerdict Verdict, string Message, CardShown? Card)
{
    internal int? MemberId { get; init; }
    internal int? PhotoId { get; init; }
}

/// <summary>
/// The online check, as the app and the verification page make it: the signature with the keys held, then the card
/// against the database: it must be the member's card in use, and the member still verified. So a revocation is
/// refused here at once, before any verifier's list is refreshed.
/// </summary>
public sealed class VerifyCard(AppDb db, CardKeyRing keys, TimeProvider clock)
{
    public async Task<Verification> RunAsync(string? code, CancellationToken ct)
    {
        var (verdict, statement) = CardCode.Read(code, await keys.VerifierAsync(ct));
        if (verdict == CardVerdict.UnknownKey && await keys.ReloadForUnknownKeyAsync(ct))
            (verdict, statement) = CardCode.Read(code, await keys.VerifierAsync(ct));
        if (statement is null) return Refused(verdict, null);
        var card = await (from c in db.Cards.AsNoTracking()
                          join n in db.MemberNumbers on c.MemberId equals n.MemberId
                          join m in db.Members on c.MemberId equals m.Id
                          where n.Number == statement.Number && c.Issue == statement.Issue
                          select new { c.RevokedAt, m.Status, m.Id, m.PhotoId }).FirstOrDefaultAsync(ct);
        // A card on record neither as issued nor in use is refused like a revoked one: the signature alone is not enough.
        if (card is null || card.RevokedAt is not null || card.Status != MemberStatus.Verified) return Refused(CardVerdict.Revoked, statement);
        if (statement.ValidUntil < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) return Refused(CardVerdict.Expired, statement);
        return new Verification(CardVerdict.Genuine, Message(CardVerdict.Genuine), CardShown.Of(statement)) { MemberId = card.Id, PhotoId = card.PhotoId };
    }

    static Verification Refused(CardVerdict verdict, CardStatement? statement) =>
        new(verdict, Message(verdict), statement is null ? null : CardShown.Of(statement));

    public static string Message(CardVerdict verdict) => verdict switch
    {
        CardVerdict.Genuine => T("Genuine card: the membership is valid."),
        CardVerdict.Revoked => T("This card has been revoked: do not accept it."),
        CardVerdict.Expired => T("This card has expired: do not accept it."),
        CardVerdict.Forged => T("Forged or altered: the signature does not match. Do not accept this card."),
        CardVerdict.UnknownKey => T("Not signed by a key this party trusts: do not accept this card."),
        _ => T("This is not a membership card's QR code."),
    };
}
