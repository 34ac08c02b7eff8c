namespace Sangathan.Broadcasts;

/// <summary>
/// Where one outbox row stands. Queued rows are claimed by a worker (Sending, with a lease) and handed to the gateway;
/// Sent is "the gateway took it", Delivered and Failed come from delivery reports (or a definite refusal). Rerouted
/// failed here and went on by the next channel (a row of its own). Uncertain: a worker died while handing it over and
/// nothing proves either way whether it went; it is never sent again without a person deciding so.
/// </summary>
public enum MessageStatus : short { Queued = 0, Sending = 1, Sent = 2, Delivered = 3, Failed = 4, Uncertain = 5, Cancelled = 6, Rerouted = 7 }

public enum RecipientKind : short { Person = 1, Member = 2 }

/// <summary>
/// One message to one recipient by one channel: the outbox. Rows are written by one INSERT ... SELECT when a broadcast
/// is queued, and only ever changed by set-based statements (never entity by entity), so they carry what the text
/// needs ({name}, {unit}, {post} in the recipient's language) and no more.
/// </summary>
public sealed class BroadcastMessage
{
    public long Id { get; set; }
    public int BroadcastId { get; set; }
    public RecipientKind RecipientKind { get; set; }
    public int RecipientId { get; set; }
    public Channel Channel { get; set; }
    /// <summary>E.164 for SMS and WhatsApp, an address for e-mail.</summary>
    public required string Address { get; set; }
    /// <summary>"hi" or "en": which text they get.</summary>
    public required string Language { get; set; }
    public required string Name { get; set; }
    public string? UnitName { get; set; }
    public string? PostName { get; set; }

    public MessageStatus Status { get; set; }
    public short Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>While Sending: until when the worker that claimed it owns it.</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>When a delivery report (or webhook) about it last came.</summary>
    public DateTime? ReportedAt { get; set; }
    /// <summary>The gateway's id: the Message-ID of an e-mail, WhatsApp's wamid, the operator's id from Kannel's report.</summary>
    public string? GatewayId { get; set; }
    public string? Error { get; set; }
}

/// <summary>WhatsApp conversations started per hour, to keep within the number's limit for any 24 hours.</summary>
public sealed class WhatsAppUse
{
    public DateTime Hour { get; set; }
    public int Started { get; set; }
}
