using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>
/// What an enrollment form or the app sends for one member. The photo travels beside it (multipart) or inside it
/// (base64, for the app's offline queue); <see cref="RequestKey"/> is the client's idempotency key. <see cref="CashPaid"/>:
/// the enroller took the fee in cash, which their cash book then owes the party.
/// </summary>
public sealed record MemberInput(
    string? VoterId, string? NameEn, string? NameHi, string? Mobile, string? Category, Gender Gender, int? Age,
    string? Village, string? Address, int? BoothId, bool Consent, string? RequestKey = null, string? DeviceId = null,
    string? PhotoBase64 = null, bool CashPaid = false);
