using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>
/// What an enrollment form or the app sends for one member. The photo travels beside it (multipart) or inside it
/// (base64 in the JSON, decoded straight into bytes as it is read, never held as a 70 KB string); <see cref="RequestKey"/> is the client's idempotency key. <see cref="CashPaid"/>:
/// the enroller took the fee in cash, which their cash book then owes the party. <see cref="Language"/>: "hi" or "en",
/// the member's, for the SMS they get (Hindi when not given).
/// </summary>
public sealed record MemberInput(
    string? VoterId, string? NameEn, string? NameHi, string? Mobile, string? Category, Gender Gender, int? Age,
    string? Village, string? Address, int? BoothId, bool Consent, string? RequestKey = null, string? DeviceId = null,
    byte[]? PhotoBase64 = null, bool CashPaid = false, string? Language = null);
