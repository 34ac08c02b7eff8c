using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>
/// Where a membership stands. Field enrollments wait for the member to confirm their mobile, online ones also for
/// the fee; then the district's scrutiny decides. Only verified members count and get cards.
/// </summary>
public enum MemberStatus { Unconfirmed = 1, AwaitingPayment = 2, Pending = 3, Verified = 4, Rejected = 5, SentBack = 6 }

public enum MemberSource { Field = 1, Online = 2 }

/// <summary>
/// Whether an enrollment holds its voter ID: at most one does (a unique index over the holding ones), and a new
/// enrollment for a held voter ID is refused, or on the website becomes a claim. An unconfirmed enrollment holds it
/// only for <see cref="MembershipOptions.HoldUnconfirmedDays"/>, a rejected one not at all: theirs are released
/// when someone else asks for the voter ID.
/// </summary>
public enum VoterIdHold
{
    Holding = 0,
    /// <summary>Held once: rejected, or left unconfirmed past the hold.</summary>
    Released = 1,
    /// <summary>Made while another enrollment held the voter ID: once the person confirms their mobile, a claim on it.</summary>
    Claiming = 2,
}

/// <summary>The Rs 5 fee: still owed, collected in cash by the enroller, or paid through the gateway.</summary>
public enum FeeState { Due = 1, Cash = 2, Online = 3 }

/// <summary>A party member: one per voter ID (see <see cref="VoterIdHold"/>), tied to a booth, traced to who enrolled them under which authorization.</summary>
public sealed class Member
{
    public int Id { get; set; }
    public required string VoterId { get; set; }
    public VoterIdHold Hold { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }
    /// <summary>E.164. Not unique: a family may share a phone, up to a configured number of members.</summary>
    public required string Mobile { get; set; }
    public int? PhotoId { get; set; }
    /// <summary>Set only to save a new picture with its member in one batch; never loaded.</summary>
    public People.Photo? Photo { get; set; }
    /// <summary>A perceptual hash of the photo (64 bits), to find the same face sent twice.</summary>
    public long? PhotoHash { get; set; }
    public required string Category { get; set; }
    public Gender Gender { get; set; }
    public int Age { get; set; }
    public string? Village { get; set; }
    public string? Address { get; set; }
    public int BoothId { get; set; }
    public MemberSource Source { get; set; }
    public MemberStatus Status { get; set; }
    public FeeState Fee { get; set; }
    /// <summary>The person who enrolled them in the field, and under which authorization; empty for online joins.</summary>
    public int? EnrolledById { get; set; }
    public int? GrantId { get; set; }
    /// <summary>The client's idempotency key: a retried enrollment finds the member it already made.</summary>
    public required string RequestKey { get; set; }
    public string? DeviceId { get; set; }
    public int ConsentNoticeId { get; set; }
    public DateTime ConsentAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? MobileConfirmedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>SMS or WhatsApp (on their mobile); null for SMS first.</summary>
    public Broadcasts.Channel? PreferredChannel { get; set; }
    /// <summary>"hi" or "en": the language of the broadcasts they get.</summary>
    public string Language { get; set; } = "hi";
    /// <summary>Set when they asked for no more broadcasts.</summary>
    public DateTime? OptedOutAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>The exact text a member consented to (DPDP Act 2023: purpose stated, consent recorded with its text).</summary>
public sealed class ConsentNotice
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
    public required string Sha256 { get; set; }
    public DateTime CreatedAt { get; set; }
}
