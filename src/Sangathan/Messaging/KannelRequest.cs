using System.Globalization;

namespace Sangathan.Messaging;

/// <summary>The sendsms request for one message, as Kannel's user guide describes smsbox's HTTP interface.</summary>
internal static class KannelRequest
{
    // 1 delivered to the phone, 2 not delivered, 16 refused by the operator's SMSC, and 8, taken by the SMSC. The 8
    // doubles the callbacks of a broadcast, but it is what proves, seconds after a send, that Kannel really handed
    // a message on: after a crash it tells a message that went out from one that never reached Kannel (see
    // Broadcasts/Delivery/Reconciler). 4 (buffered) adds nothing to that.
    public const int DlrMask = 27;

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
        if (message.Reference is { Length: > 0 } reference && options.DlrUrl is { Length: > 0 } dlrUrl && options.DlrSecret is { Length: > 0 } secret)
        {
            // %d, %A and %F are Kannel's escapes for the report's status, the SMSC's words and the SMSC's message id,
            // filled in when it calls back.
            query.Add(("dlr-mask", DlrMask.ToString(CultureInfo.InvariantCulture)));
            query.Add(("dlr-url", $"{dlrUrl.TrimEnd('/')}/{secret}?ref={reference}&status=%d&reply=%A&fid=%F"));
        }
        var encoded = string.Join('&', query.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{options.BaseUrl.TrimEnd('/')}/cgi-bin/sendsms?{encoded}");
    }
}
