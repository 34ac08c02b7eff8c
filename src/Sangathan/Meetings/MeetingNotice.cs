using System.Globalization;
using Sangathan.Broadcasts;
using static Sangathan.Platform.Localization.Texts;

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
        var video = m.VideoLink is { } v ? " " + v : "";
        // The words from the translators' files, as registered with DLT: {0} the title, {1} the unit, {2} when, {3} where,
        // {4} the video link; {{name}} and {{link}} stay for the outbox to fill in per person.
        string Words(string language, string unit) => kind switch
        {
            NoticeKind.Notice => In(language, "{{name}}: meeting \"{0}\" of {1} on {2} at {3}.{4} Will you come? Answer: {{link}}",
                m.Title, unit, when, m.Place ?? In(language, "online"), video),
            NoticeKind.Reminder => In(language, "{{name}}: reminder, meeting \"{0}\" of {1} today at {2}, {3}.{4} Answer: {{link}}",
                m.Title, unit, when, m.Place ?? In(language, "online"), video),
            NoticeKind.Changed => In(language, "{{name}}: meeting \"{0}\" of {1} is now on {2} at {3}.{4} Will you come? Answer: {{link}}",
                m.Title, unit, when, m.Place ?? In(language, "online"), video),
            _ => In(language, "{{name}}: meeting \"{0}\" of {1} on {2} is cancelled.", m.Title, unit, when),
        };
        var (en, hi) = (Words("en", unitEn), Words("hi", unitHi));
        string Label(string language) => kind switch
        {
            NoticeKind.Notice => In(language, "Notice"), NoticeKind.Reminder => In(language, "Reminder"),
            NoticeKind.Changed => In(language, "Changed"), _ => In(language, "Cancelled"),
        };
        var label = Label("en");
        var template = kind switch
        {
            NoticeKind.Notice => o.NoticeTemplateId, NoticeKind.Reminder => o.ReminderTemplateId, NoticeKind.Changed => o.ChangeTemplateId, _ => o.CancelTemplateId,
        };
        return new BroadcastInput
        {
            Title = Cut($"{label}: {m.Title}", 120), UnitId = m.UnitId, OfficeBearers = m.OfficeBearers, Members = m.Members,
            Sms = m.UseSms, Email = m.UseEmail, WhatsApp = m.UseWhatsApp && !string.IsNullOrWhiteSpace(o.WhatsAppTemplate),
            TextEn = en, TextHi = hi, SubjectEn = Cut($"{label}: {m.Title}", 150), SubjectHi = Cut($"{Label("hi")}: {m.Title}", 150),
            SenderId = o.SenderId, DltTemplateId = template, WhatsAppTemplate = o.WhatsAppTemplate,
        };
    }

    /// <summary>The WhatsApp template's three parameters: the invitee, the meeting in one line (as typed: either language), the link.</summary>
    public static string WhatsAppFields(NoticeKind kind, Meeting m, TimeZoneInfo zone) =>
        $"{{name}}\n{(kind == NoticeKind.Cancelled ? "✗ " : "")}{m.Title} · {MeetingRules.Local(m.StartsAt, zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)} · {m.Place ?? m.VideoLink}\n{(kind == NoticeKind.Cancelled ? "-" : "{link}")}";

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
