namespace Sangathan.Broadcasts;

/// <summary>A broadcast as its page and the API show it (never the entity itself).</summary>
public sealed record BroadcastView(int Id, string Title, int UnitId, string UnitEn, string UnitHi, BroadcastStatus Status, int Audience, int Queued,
    bool OfficeBearers, string? Levels, string? Posts, bool Enrollers, bool Members, string? Category, string? Language,
    bool Sms, bool Email, bool WhatsApp, string TextEn, string TextHi, string? SenderId, string? DltTemplateId, string? WhatsAppTemplate,
    DateTime CreatedAt, DateTime SendAt, DateTime? FinishedAt, string CreatedBy, string? ApprovedBy, bool CanApprove, bool CanCancel);

/// <summary>The live counts: every outbox row of the broadcast by where it stands.</summary>
public sealed record DeliveryCounts(BroadcastStatus Status, int Queued, int Sending, int Sent, int Delivered, int Failed, int Uncertain,
    int Rerouted, int Cancelled, int Sms, int Email, int WhatsApp, DateTime At);

/// <summary>A message that did not get through, with the reason; the address masked (the page is about the message, not the person).</summary>
public sealed record FailureView(long Id, string Name, Channel Channel, string Address, MessageStatus Status, string? Reason);

public sealed record FailurePage(IReadOnlyList<FailureView> Failures, long? Next);

public sealed record BroadcastSummary(int Id, string Title, string UnitEn, string UnitHi, BroadcastStatus Status, int Audience, DateTime CreatedAt, DateTime SendAt);

/// <summary>What the compose page shows before sending: the count, and the text as two recipients would get it.</summary>
public sealed record BroadcastPreview(AudienceCount Count, PreviewText Hindi, PreviewText English, SmsCost Cost);

/// <summary>
/// What the broadcast's SMS will cost: the people it reaches by SMS, times the parts of the text they get (the longer of
/// the two languages when it goes in both: the most it costs), times the gateway's rate per part.
/// </summary>
public sealed record SmsCost(int Messages, int Parts, int PaisePerPart)
{
    public long Paise => (long)Messages * Parts * PaisePerPart;
}

public sealed record PreviewText(string Text, int Segments, bool Unicode, int Length);
