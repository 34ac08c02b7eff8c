namespace Sangathan.Meetings;

/// <summary>A new meeting as the form and the API send it. The time carries its offset (the form's is the party's zone).</summary>
public sealed record MeetingInput
{
    public int UnitId { get; init; }
    public string? Title { get; init; }
    public string? Agenda { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    /// <summary>How long it lasts, in minutes (default two hours).</summary>
    public int? Minutes { get; init; }
    public string? Place { get; init; }
    public string? VideoLink { get; init; }

    public bool OfficeBearers { get; init; }
    public List<string>? Levels { get; init; }
    public List<string>? Posts { get; init; }
    public bool Members { get; init; }
    public string? Category { get; init; }
    /// <summary>People (office bearers) and members named one by one, by id or by mobile.</summary>
    public List<int>? PersonIds { get; init; }
    public List<int>? MemberIds { get; init; }
    public List<string>? Mobiles { get; init; }

    public bool Sms { get; init; }
    public bool Email { get; init; }
    public bool WhatsApp { get; init; }
}

/// <summary>A meeting's details changed (who is invited stays; more people may be named).</summary>
public sealed record MeetingChange
{
    public string? Title { get; init; }
    public string? Agenda { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public int? Minutes { get; init; }
    public string? Place { get; init; }
    public string? VideoLink { get; init; }
    public List<int>? PersonIds { get; init; }
    public List<int>? MemberIds { get; init; }
    public List<string>? Mobiles { get; init; }
}
