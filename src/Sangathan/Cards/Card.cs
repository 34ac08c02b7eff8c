namespace Sangathan.Cards;

/// <summary>Why a card stopped being good. All but expulsion are followed by a new card (the next issue).</summary>
public enum CardEnd { Lost = 1, Damaged = 2, DetailsChanged = 3, Expelled = 4 }

/// <summary>
/// A member's number, given once, with their first card. Its own table (insert-only, the member's id as key) so
/// that two servers issuing the same member's first card at once end with one number: the second insert fails.
/// </summary>
public sealed class MemberNumber
{
    public int MemberId { get; set; }
    public long Number { get; set; }
    public DateTime AssignedAt { get; set; }
}

/// <summary>
/// One card of a member: issue 1, then 2 after it is lost or its details change. A card is named by number and
/// issue, which is what the revocation list carries; the signature is made afresh at each download.
/// </summary>
public sealed class Card
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public int Issue { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateTime? RevokedAt { get; set; }
    public CardEnd? EndReason { get; set; }
    public string? EndNote { get; set; }
}

/// <summary>
/// A signing key. The id is the key id the QR names (two bytes). The private half is sealed with the configured secret
/// (<see cref="CardKeySeal"/>); a retired key verifies nothing more, so cards it signed must be reissued.
/// </summary>
public sealed class CardKey
{
    public int Id { get; set; }
    /// <summary>SubjectPublicKeyInfo (DER), as WebCrypto imports it ("spki").</summary>
    public required byte[] PublicKey { get; set; }
    public required byte[] SealedPrivateKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
}

/// <summary>A link sent to a member's own mobile that opens their card (only its hash is kept).</summary>
public sealed class CardLink
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Who had it sent: an office bearer's person id, or null when the member asked with their mobile.</summary>
    public int? SentById { get; set; }
}
