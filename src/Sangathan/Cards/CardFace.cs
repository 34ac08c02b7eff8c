namespace Sangathan.Cards;

/// <summary>Everything one card shows, read from the member, their number, their card and their booth.</summary>
public sealed record CardFace(int MemberId, long Number, int Issue, DateOnly IssuedOn, DateOnly ValidUntil, string NameHi, string NameEn,
    int BoothId, string BoothHi, string BoothEn, int? PartNumber, string? MandalHi, string? MandalEn, string? DistrictHi, string? DistrictEn,
    byte[]? Photo)
{
    /// <summary>What the card's QR states, signed with the key <paramref name="keyId"/>.</summary>
    public CardStatement Statement(int keyId) =>
        CardStatement.Of(keyId, Number, Issue, IssuedOn, ValidUntil, BoothId, NameHi, NameEn, BoothHi, BoothEn);
}
