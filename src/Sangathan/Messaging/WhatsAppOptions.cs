using System.ComponentModel.DataAnnotations;

namespace Sangathan.Messaging;

/// <summary>The "WhatsApp" section: the WhatsApp Business Cloud API, or "console" for the demo.</summary>
public sealed class WhatsAppOptions : IValidatableObject
{
    public const string Section = "WhatsApp";

    [Required, RegularExpression("^(console|cloud)$")]
    public string Gateway { get; set; } = "console";

    /// <summary>Meta's Graph API; tests point it at a local stand-in.</summary>
    [Url]
    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    [RegularExpression(@"^v[0-9]+\.[0-9]+$")]
    public string Version { get; set; } = "v21.0";

    /// <summary>The business phone number's id (not the number itself), from WhatsApp Manager.</summary>
    public string PhoneNumberId { get; set; } = "";

    /// <summary>A system user's access token with whatsapp_business_messaging.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The Meta app's secret: status webhooks are signed with it (X-Hub-Signature-256).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>What Meta sends as hub.verify_token when the webhook is subscribed.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>
    /// Business-initiated conversations allowed in 24 hours: 250 for a new number, then 1,000, 10,000, 100,000 as
    /// Meta raises the tier. Above it, messages go by SMS instead.
    /// </summary>
    [Range(0, 10_000_000)]
    public int DailyLimit { get; set; } = 250;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Gateway != "cloud") yield break;
        if (PhoneNumberId.Length == 0) yield return new ValidationResult("WhatsApp:PhoneNumberId is required.", [nameof(PhoneNumberId)]);
        if (AccessToken.Length == 0) yield return new ValidationResult("WhatsApp:AccessToken is required.", [nameof(AccessToken)]);
        if (AppSecret.Length == 0) yield return new ValidationResult("WhatsApp:AppSecret is required.", [nameof(AppSecret)]);
    }
}
