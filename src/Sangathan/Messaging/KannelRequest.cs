using System.Globalization;

namespace Sangathan.Messaging;

/// <summary>The sendsms request for one message, as Kannel's user guide describes smsbox's HTTP interface.</summary>
internal static class KannelRequest
{
    // Final outcomes only: 1 delivered to the phone, 2 not delivered, 16 refused by the operator's SMSC. The
    // intermediate 4 (buffered) and 8 (reached the SMSC) would double the callbacks of a bulk broadcast.
    public const int DlrMask = 19;

    public static Uri SendSms(KannelOptions options, SmsMessage message)
    {
        var query = new List<(string Name, string Value)>
        {
            ("username", options.Username),
            ("password", options.Password),
            ("to", message.To),
            ("text", message.Text),
            // Kannel converts from UTF-8 to the coding asked for: GSM 7-bit, or UCS-2 for Hindi.
            ("charset", "UTF-8"),
            ("coding", SmsCoding.For(message.Text).ToString(CultureInfo.InvariantCulture)),
        };
        if ((message.SenderId ?? options.SenderId) is { Length: > 0 } sender) query.Add(("from", sender));
        if (message.TemplateId is { Length: > 0 } template && options.TemplateTlv is { Length: > 0 } tlv)
            query.Add(("meta-data", $"?smpp?{tlv}={Uri.EscapeDataString(template)}"));
        if (message.Reference is { Length: > 0 } reference && options.DlrUrl is { Length: > 0 } dlrUrl)
        {
            // %d and %A are Kannel's escapes for the report's status and the SMSC's words, filled in when it calls back.
            var separator = dlrUrl.Contains('?') ? '&' : '?';
            query.Add(("dlr-mask", DlrMask.ToString(CultureInfo.InvariantCulture)));
            query.Add(("dlr-url", $"{dlrUrl}{separator}ref={reference}&status=%d&reply=%A"));
        }
        var encoded = string.Join('&', query.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{options.BaseUrl.TrimEnd('/')}/cgi-bin/sendsms?{encoded}");
    }
}
