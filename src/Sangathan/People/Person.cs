namespace Sangathan.People;

public enum Gender { Unspecified = 0, Female = 1, Male = 2, Other = 3 }

public sealed class Person
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameHi { get; set; }
    public string NameKey { get; set; } = "";

    /// <summary>E.164 (+91XXXXXXXXXX); unique, since it identifies the person at sign-in.</summary>
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public int? PhotoId { get; set; }
    public string? Village { get; set; }
    public string? Jurisdiction { get; set; }
    public string? Facebook { get; set; }
    public string? X { get; set; }
    public string? Instagram { get; set; }
    public string? YouTube { get; set; }
    public string? WhatsApp { get; set; }
    public Gender Gender { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>How they want broadcasts: null leaves it to the broadcast's channels (SMS first).</summary>
    public Broadcasts.Channel? PreferredChannel { get; set; }
    /// <summary>"hi" or "en": the language of the messages they get.</summary>
    public string Language { get; set; } = "hi";
    /// <summary>Set when they asked for no more broadcasts; they get none while it is set.</summary>
    public DateTime? OptedOutAt { get; set; }

    /// <summary>The voter ID (EPIC), upper case: unique, so one voter is one person. Personal data: shown masked.</summary>
    public string? VoterId { get; set; }
}
