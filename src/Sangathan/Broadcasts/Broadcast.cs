namespace Sangathan.Broadcasts;

/// <summary>
/// Where a broadcast stands. A large one waits for a second person's approval; then it is scheduled (now or later),
/// queued (its outbox rows written) and sent; it ends done or cancelled.
/// </summary>
public enum BroadcastStatus { AwaitingApproval = 1, Scheduled = 2, Sending = 3, Done = 4, Cancelled = 5 }

/// <summary>
/// One message to a part of the tree: its audience (a unit's subtree, who, filters), its channels, its text in Hindi
/// and English with {name}, {unit} and {post}, and the registrations India's bulk-SMS rules and WhatsApp require.
/// </summary>
public sealed class Broadcast
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int UnitId { get; set; }

    public bool OfficeBearers { get; set; }
    /// <summary>Levels (keys, comma-separated) whose office bearers are included; empty for every level.</summary>
    public string? LevelKeys { get; set; }
    /// <summary>Posts (keys, comma-separated); empty for every post.</summary>
    public string? PostKeys { get; set; }
    public bool Enrollers { get; set; }
    public bool Members { get; set; }
    /// <summary>Members of this category only; empty for all.</summary>
    public string? Category { get; set; }
    /// <summary>People whose language is this ("hi" or "en") only; empty for all.</summary>
    public string? Language { get; set; }

    public bool UseSms { get; set; }
    public bool UseEmail { get; set; }
    public bool UseWhatsApp { get; set; }

    public required string TextEn { get; set; }
    public required string TextHi { get; set; }
    public string? SubjectEn { get; set; }
    public string? SubjectHi { get; set; }
    /// <summary>The DLT header (sender ID) and content template id the SMS text is registered under.</summary>
    public string? SenderId { get; set; }
    public string? DltTemplateId { get; set; }
    /// <summary>The approved WhatsApp template; its body takes {{1}} name, {{2}} unit, {{3}} post.</summary>
    public string? WhatsAppTemplate { get; set; }

    /// <summary>
    /// A meeting's notice or reminder goes to the meeting's invitees (those who said they are not coming left out when
    /// <see cref="ExceptDeclined"/>), not to an audience of its own, and its text may carry each invitee's answer link.
    /// </summary>
    public int? MeetingId { get; set; }
    public bool ExceptDeclined { get; set; }
    /// <summary>The WhatsApp template's body parameters, one a line, with fields; empty for {name}, {unit}, {post}.</summary>
    public string? WhatsAppFields { get; set; }

    public BroadcastStatus Status { get; set; }
    /// <summary>The audience counted when it was created, which decided whether approval was needed.</summary>
    public int Audience { get; set; }
    /// <summary>Outbox rows written when it was queued.</summary>
    public int Queued { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime SendAt { get; set; }
    public DateTime? QueuedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>The audit actor ("person:12", "staff:3") who wrote it, and who approved it: never the same.</summary>
    public required string CreatedBy { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? CancelledBy { get; set; }
}
