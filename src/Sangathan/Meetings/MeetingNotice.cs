using System.Globalization;
using Sangathan.Broadcasts;

namespace Sangathan.Meetings;

public enum NoticeKind { Notice, Reminder, Changed, Cancelled }

/// <summary>
/// The words of a meeting's messages, in Hindi and English, as one broadcast to its invitees each: {name} and the
/// invitee's own answer link {link} are filled in per person by the outbox; the rest is the meeting's. The SMS texts
/// follow the DLT templates registered for them (<see cref="MeetingOptions"/>), whose variables are the meeting's fields.
/// </summary>
public static class MeetingNotice
{
    public static BroadcastInput Input(NoticeKind kind, Meeting m, string unitEn, string unitHi, MeetingOptions o, TimeZoneInfo zone)
    {
        var when = MeetingRules.Local(m.StartsAt, zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
        var whereEn = m.Place ?? "online";
        var whereHi = m.Place ?? "ऑनलाइन";
        var video = m.VideoLink is { } v ? " " + v : "";
        var (en, hi) = kind switch
        {
            NoticeKind.Notice => ($"{{name}}: meeting \"{m.Title}\" of {unitEn} on {when} at {whereEn}.{video} Will you come? Answer: {{link}}",
                $"{{name}}: {unitHi} की बैठक \"{m.Title}\" {when} बजे, {whereHi}।{video} क्या आप आएँगे? उत्तर दें: {{link}}"),
            NoticeKind.Reminder => ($"{{name}}: reminder, meeting \"{m.Title}\" of {unitEn} today at {when}, {whereEn}.{video} Answer: {{link}}",
                $"{{name}}: याद दिलाना, {unitHi} की बैठक \"{m.Title}\" {when} बजे, {whereHi}।{video} उत्तर: {{link}}"),
            NoticeKind.Changed => ($"{{name}}: meeting \"{m.Title}\" of {unitEn} is now on {when} at {whereEn}.{video} Will you come? Answer: {{link}}",
                $"{{name}}: {unitHi} की बैठक \"{m.Title}\" अब {when} बजे, {whereHi}।{video} क्या आप आएँगे? उत्तर दें: {{link}}"),
            _ => ($"{{name}}: meeting \"{m.Title}\" of {unitEn} on {when} is cancelled.",
                $"{{name}}: {unitHi} की बैठक \"{m.Title}\" ({when}) रद्द कर दी गई है।"),
        };
        var label = kind switch { NoticeKind.Notice => "Notice", NoticeKind.Reminder => "Reminder", NoticeKind.Changed => "Changed", _ => "Cancelled" };
        var template = kind switch
        {
            NoticeKind.Notice => o.NoticeTemplateId, NoticeKind.Reminder => o.ReminderTemplateId, NoticeKind.Changed => o.ChangeTemplateId, _ => o.CancelTemplateId,
        };
        return new BroadcastInput
        {
            Title = Cut($"{label}: {m.Title}", 120), UnitId = m.UnitId, OfficeBearers = m.OfficeBearers, Members = m.Members,
            Sms = m.UseSms, Email = m.UseEmail, WhatsApp = m.UseWhatsApp && !string.IsNullOrWhiteSpace(o.WhatsAppTemplate),
            TextEn = en, TextHi = hi, SubjectEn = Cut($"{label}: {m.Title}", 150), SubjectHi = Cut($"{HindiLabel(kind)}: {m.Title}", 150),
            SenderId = o.SenderId, DltTemplateId = template, WhatsAppTemplate = o.WhatsAppTemplate,
        };
    }

    /// <summary>The WhatsApp template's three parameters: the invitee, the meeting in one line (as typed: either language), the link.</summary>
    public static string WhatsAppFields(NoticeKind kind, Meeting m, TimeZoneInfo zone) =>
        $"{{name}}\n{(kind == NoticeKind.Cancelled ? "✗ " : "")}{m.Title} · {MeetingRules.Local(m.StartsAt, zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)} · {m.Place ?? m.VideoLink}\n{(kind == NoticeKind.Cancelled ? "-" : "{link}")}";

    static string HindiLabel(NoticeKind kind) => kind switch
    {
        NoticeKind.Notice => "सूचना", NoticeKind.Reminder => "याद दिलाना", NoticeKind.Changed => "बदलाव", _ => "रद्द",
    };

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
