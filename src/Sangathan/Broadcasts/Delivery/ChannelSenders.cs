using Sangathan.Messaging;

namespace Sangathan.Broadcasts;

/// <summary>Hands a batch of claimed rows of one channel to its gateway, at the channel's pace, and says what became of each.</summary>
internal interface IChannelSender
{
    Channel Channel { get; }
    Task<IReadOnlyList<SendResult>> SendAsync(Broadcast broadcast, IReadOnlyList<Claimed> rows, ChannelPace pace, CancellationToken ct);
}

internal static class Personal
{
    public static string Text(Broadcast b, Claimed r, string? link) =>
        MessageText.Render(r.Language == "en" ? b.TextEn : b.TextHi, r.Name, r.UnitName, r.PostName, link);

    /// <summary>The template's body parameters; Meta refuses an empty one, so a dash stands for a field the recipient has none of.</summary>
    public static string[] WhatsAppFields(Broadcast b, Claimed r, string? link) =>
        (b.WhatsAppFields ?? "{name}\n{unit}\n{post}").Split('\n')
            .Select(f => MessageText.Render(f, r.Name, r.UnitName, r.PostName, link))
            .Select(f => f.Length > 0 ? f : "-").ToArray();

    public static SendResult From(long id, bool accepted, bool retryable, bool maybeSent, string? gatewayId, string? error) => new(id,
        accepted ? SendOutcome.Sent : retryable ? SendOutcome.Retry : maybeSent ? SendOutcome.Unknown : SendOutcome.Refused, gatewayId, error);
}

/// <summary>SMS through Kannel, the whole batch in flight at once over keep-alive connections.</summary>
internal sealed class SmsChannelSender(ISmsSender sms, Meetings.MeetingLinks links) : IChannelSender
{
    public Channel Channel => Channel.Sms;

    public async Task<IReadOnlyList<SendResult>> SendAsync(Broadcast b, IReadOnlyList<Claimed> rows, ChannelPace pace, CancellationToken ct) =>
        await Task.WhenAll(rows.Select(async r =>
        {
            await pace.WaitAsync(ct);
            // The reference brings Kannel's reports back to this row; the header and DLT template id go with every message.
            var result = await sms.SendAsync(new SmsMessage(r.Address, Personal.Text(b, r, links.For(b, r)), b.SenderId, b.DltTemplateId, r.Id.ToString()), ct);
            return Personal.From(r.Id, result.Accepted, result.Retryable, result.MaybeSent, null, result.Error);
        }));
}

/// <summary>E-mail through SMTP, a batch over one connection.</summary>
internal sealed class EmailChannelSender(IEmailSender email, OptOutLinks optOuts, Meetings.MeetingLinks links) : IChannelSender
{
    public Channel Channel => Channel.Email;

    public async Task<IReadOnlyList<SendResult>> SendAsync(Broadcast b, IReadOnlyList<Claimed> rows, ChannelPace pace, CancellationToken ct)
    {
        foreach (var _ in rows) await pace.WaitAsync(ct);
        var messages = rows.Select(r =>
        {
            var link = links.For(b, r);
            var text = Personal.Text(b, r, link);
            var subject = MessageText.Render((r.Language == "en" ? b.SubjectEn : b.SubjectHi) ?? b.Title, r.Name, r.UnitName, r.PostName, link);
            var optOut = optOuts.Url(r.Id);
            return new EmailMessage(r.Address, r.Name, subject, text + "\n\n" + OptOutWords.Footer(r.Language, optOut),
                OptOutWords.WithFooter(MessageText.Html(text, r.Language), r.Language, optOut), $"broadcast-{b.Id}-{r.Id}", optOut);
        }).ToList();
        var results = await email.SendAsync(messages, ct);
        return rows.Select((r, i) => Personal.From(r.Id, results[i].Accepted, results[i].Retryable, results[i].MaybeSent, results[i].MessageId, results[i].Error)).ToList();
    }
}

/// <summary>WhatsApp template messages through the Cloud API; the body's parameters are name, unit and post unless the broadcast says others.</summary>
internal sealed class WhatsAppChannelSender(IWhatsAppSender whatsApp, Meetings.MeetingLinks links) : IChannelSender
{
    public Channel Channel => Channel.WhatsApp;

    public async Task<IReadOnlyList<SendResult>> SendAsync(Broadcast b, IReadOnlyList<Claimed> rows, ChannelPace pace, CancellationToken ct) =>
        await Task.WhenAll(rows.Select(async r =>
        {
            await pace.WaitAsync(ct);
            var fields = Personal.WhatsAppFields(b, r, links.For(b, r));
            var result = await whatsApp.SendAsync(new WhatsAppMessage(r.Address, b.WhatsAppTemplate ?? "", r.Language, fields, r.Id.ToString()), ct);
            return Personal.From(r.Id, result.Accepted, result.Retryable, result.MaybeSent, result.MessageId, result.Error);
        }));
}
