using System.ComponentModel.DataAnnotations;

namespace Sangathan.Messaging;

/// <summary>The "Sms" section: which gateway sends SMS, and how to reach it.</summary>
public sealed class SmsOptions : IValidatableObject
{
    public const string Section = "Sms";
    public const string ConsoleGateway = "console";
    public const string KannelGateway = "kannel";

    /// <summary>
    /// "console" (the default: the run command's demo prints each message instead of sending it) or "kannel"
    /// (real SMS through Kannel's smsbox).
    /// </summary>
    [Required, RegularExpression("^(console|kannel)$")]
    public string Gateway { get; set; } = ConsoleGateway;

    public KannelOptions Kannel { get; set; } = new();

    // Kannel's settings matter only when it is the gateway: a demo needs none of them.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Gateway != KannelGateway) yield break;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Kannel, new ValidationContext(Kannel), results, validateAllProperties: true);
        foreach (var result in results)
            yield return new ValidationResult($"Sms:Kannel: {result.ErrorMessage}", result.MemberNames.Select(m => $"Kannel.{m}"));
    }
}
