namespace Sangathan.Meetings;

public enum MeetingStatus { Scheduled = 1, Cancelled = 2 }

/// <summary>
/// A meeting called at a unit: what, when, where (a place or a video link), and who is invited, chosen as a
/// broadcast's audience is (office bearers of some levels and posts under the unit, its verified members) plus people
/// named one by one. Invited, came and late are counters kept in the transaction of every change to the invitees, so
/// that reports over a district's year of meetings read one row a meeting, never its attendance.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Title { get; set; }
    public string? Agenda { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>The month it starts in, the party's time (yyyymm): reports group by it on either database alike.</summary>
    public int Month { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }

    public bool OfficeBearers { get; set; }
    /// <summary>Levels (keys, comma-separated) whose office bearers are invited; empty for every level.</summary>
    public string? LevelKeys { get; set; }
    public string? PostKeys { get; set; }
    public bool Members { get; set; }
    public string? Category { get; set; }
    public bool UseSms { get; set; }
    public bool UseEmail { get; set; }
    public bool UseWhatsApp { get; set; }

    public MeetingStatus Status { get; set; }
    public int Invited { get; set; }
    public int Came { get; set; }
    public int Late { get; set; }
    /// <summary>The broadcasts that carry its notice and its reminder (none when nobody could be reached).</summary>
    public int? NoticeId { get; set; }
    public int? ReminderId { get; set; }

    public string? Notes { get; set; }
    public string? Decisions { get; set; }
    public DateTime? MinutesAt { get; set; }
    public string? MinutesBy { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
}

public enum Answer : short { Coming = 1, NotComing = 2 }

/// <summary>How someone was marked present: their card scanned by the organizer, their own check-in, or by hand.</summary>
public enum MarkedHow : short { Card = 1, CheckIn = 2, Manual = 3 }

/// <summary>
/// One person (an office bearer) or member at one meeting: invited (or not: someone who came uninvited and was
/// marked), their answer, and whether and when they came. One row each, so a second mark finds the first.
/// </summary>
public sealed class MeetingInvitee
{
    public long Id { get; set; }
    public int MeetingId { get; set; }
    public Broadcasts.RecipientKind Kind { get; set; }
    /// <summary>The person's id, or the member's.</summary>
    public int RecipientId { get; set; }
    public bool Invited { get; set; }
    public Answer? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? ArrivedAt { get; set; }
    public bool Late { get; set; }
    public MarkedHow? How { get; set; }
    /// <summary>Why someone was marked by hand (no card, no phone): the organizer's word, audited.</summary>
    public string? Reason { get; set; }
    public string? MarkedBy { get; set; }
}

/// <summary>
/// A card scan as the organizer's phone synced it, by the key the phone gave it: the same scan sent again (a retry
/// after a lost answer, a second sync) finds its first answer here and marks nobody twice.
/// </summary>
public sealed class MeetingScan
{
    public long Id { get; set; }
    public int MeetingId { get; set; }
    public required string Key { get; set; }
    public long? InviteeId { get; set; }
    /// <summary>The card's verdict ("Genuine", "Revoked", ...), and whether it marked someone.</summary>
    public required string Verdict { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A photo of the meeting, with its minutes.</summary>
public sealed class MeetingPhoto
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int PhotoId { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }
}
