namespace Sangathan.Broadcasts;

/// <summary>A new broadcast as the compose page and the API send it.</summary>
public sealed record BroadcastInput
{
    public string? Title { get; init; }
    public int UnitId { get; init; }
    public bool OfficeBearers { get; init; }
    public List<string>? Levels { get; init; }
    public List<string>? Posts { get; init; }
    public bool Enrollers { get; init; }
    public bool Members { get; init; }
    public string? Category { get; init; }
    public string? Language { get; init; }
    public bool Sms { get; init; }
    public bool Email { get; init; }
    public bool WhatsApp { get; init; }
    public string? TextEn { get; init; }
    public string? TextHi { get; init; }
    public string? SubjectEn { get; init; }
    public string? SubjectHi { get; init; }
    public string? SenderId { get; init; }
    public string? DltTemplateId { get; init; }
    public string? WhatsAppTemplate { get; init; }
    /// <summary>When to send, UTC; empty for now.</summary>
    public DateTime? SendAt { get; init; }

    public AudienceChoice Audience => new(UnitId, OfficeBearers, Levels, Posts, Enrollers, Members, Category, Language, Sms, Email, WhatsApp);
}
