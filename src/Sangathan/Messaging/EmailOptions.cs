using System.ComponentModel.DataAnnotations;

namespace Sangathan.Messaging;

/// <summary>The "Email" section: "console" (the demo prints what it would send) or "smtp".</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    [Required, RegularExpression("^(console|smtp)$")]
    public string Gateway { get; set; } = "console";

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>"none" (loopback relays), "starttls" (port 587) or "tls" (port 465).</summary>
    [RegularExpression("^(none|starttls|tls)$")]
    public string Security { get; set; } = "starttls";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender's address, such as sandesh@party.example; its domain also ends every Message-ID.</summary>
    public string From { get; set; } = "sangathan@localhost";
    public string FromName { get; set; } = "Sangathan";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Gateway == "smtp" && string.IsNullOrWhiteSpace(Host)) yield return new ValidationResult("Email:Host is required for smtp.", [nameof(Host)]);
        if (!From.Contains('@')) yield return new ValidationResult("Email:From must be an e-mail address.", [nameof(From)]);
    }
}
