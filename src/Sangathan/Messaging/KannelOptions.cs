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
    /// The app's delivery-report endpoint as Kannel reaches it, such as http://127.0.0.1:5080/api/v1/sms/dlr; empty asks for
    /// no reports. A message with a <see cref="SmsMessage.Reference"/> is sent with "{DlrUrl}/{DlrSecret}?ref=..."
    /// and "status=%d&amp;reply=%A&amp;fid=%F", which Kannel fills with the report's status (1 delivered, 2 failed,
    /// 8 taken by the operator's SMSC, 16 refused by it), the operator's words and the operator's message id.
    /// </summary>
    [Url]
    public string? DlrUrl { get; set; }

    /// <summary>
    /// A secret path segment of the report address: the endpoint is open to Kannel without a session, so only a
    /// caller that knows this (Kannel, from the URL it was given) can report on messages. At least 16 characters.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_-]{16,128}$")]
    public string? DlrSecret { get; set; }

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
