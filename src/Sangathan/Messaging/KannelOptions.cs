using System.ComponentModel.DataAnnotations;

namespace Sangathan.Messaging;

/// <summary>The "Sms:Kannel" section: where Kannel's smsbox takes messages, and as whom.</summary>
public sealed class KannelOptions
{
    /// <summary>The smsbox's sendsms address (its sendsms-port), such as http://127.0.0.1:13013.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>A sendsms-user group of kannel.conf.</summary>
    [Required]
    public string Username { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    /// <summary>The sender for messages that name none; empty leaves it to the smsbox's global-sender.</summary>
    public string? SenderId { get; set; }

    /// <summary>
    /// Where Kannel reports delivery, such as https://sangathan.example/sms/dlr; empty asks for no reports. A message
    /// with a <see cref="SmsMessage.Reference"/> gets "ref=&lt;reference&gt;&amp;status=%d&amp;reply=%A" added, which
    /// Kannel fills with the report's status (1 delivered, 2 failed, 16 refused by the operator) and the operator's
    /// words.
    /// </summary>
    [Url]
    public string? DlrUrl { get; set; }

    /// <summary>
    /// The SMPP TLV that carries the DLT template id, as named in the smpp-tlv group of kannel.conf (aggregators
    /// commonly use TEMPLATE_ID); empty sends no template id.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_-]+$")]
    public string? TemplateTlv { get; set; }

    /// <summary>Seconds to wait for smsbox; it answers at once when up, so a slow answer means trouble.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;
}
