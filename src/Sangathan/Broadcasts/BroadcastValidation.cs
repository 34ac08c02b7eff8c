using System.Text.RegularExpressions;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Broadcasts;

/// <summary>The rules a new broadcast's words and registrations must keep; each broken one is a message in the reader's language.</summary>
internal static partial class BroadcastValidation
{
    /// <summary>Longest SMS, in parts: Kannel's sendsms-user max-messages must allow as many.</summary>
    public const int MaxSmsParts = 6;

    // What a recipient's fields are filled with when the length is checked: a long name, unit and post.
    const string SampleField = "xxxxxxxxxxxxxxxxxxxxxxxxx";
    // A recipient's own link as long as the longest the app writes: a public address and a token.
    const string SampleLink = "https://xxxxxxxxxxxxxxxxxxxxxxxx.xxx/x/xxxxxxxxxxxxxxxxxxxxxxxx";

    /// <param name="forMeeting">A meeting's notice: it goes to the meeting's invitees (who need not be chosen here) and may carry {link}.</param>
    public static List<FieldError> Check(BroadcastInput input, IReadOnlyCollection<string> categories, DateTime now, bool forMeeting = false)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(new("Title", T("Give the broadcast a title.")));
        else if (input.Title.Trim().Length > 120) errors.Add(new("Title", T("This is too long: at most {0} characters.", 120)));
        if (!forMeeting && !input.OfficeBearers && !input.Enrollers && !input.Members)
            errors.Add(new("OfficeBearers", T("Choose who gets it: office bearers, enrollers or members.")));
        if (!input.Sms && !input.Email && !input.WhatsApp) errors.Add(new("Sms", T("Choose at least one channel.")));
        Words(errors, input.TextHi, input.TextEn, input.Sms, links: forMeeting);
        // Only the channels it goes by: what was typed for another and left is not its business.
        Registrations(errors, new(input.Sms ? input.SenderId : null, input.Sms ? input.DltTemplateId : null, input.WhatsApp ? input.WhatsAppTemplate : null,
            input.Email ? input.SubjectHi : null, input.Email ? input.SubjectEn : null), needSms: input.Sms, needEmail: input.Email, needWhatsApp: input.WhatsApp);
        if (!string.IsNullOrWhiteSpace(input.Category) && !categories.Contains(input.Category.Trim()))
            errors.Add(new("Category", T("This is not a member category.")));
        if (!string.IsNullOrWhiteSpace(input.Language) && !BroadcastRules.Languages.Contains(input.Language.Trim()))
            errors.Add(new("Language", T("Choose Hindi or English.")));
        if (input.SendAt is { } at && (at.ToUniversalTime() < now.AddMinutes(-5) || at.ToUniversalTime() > now.AddDays(60)))
            errors.Add(new("SendAt", T("Send it now, or at a time within the next 60 days.")));
        return errors;
    }

    /// <summary>The text in both languages: written, not too long, only known fields, and within SMS's parts when sent by SMS.</summary>
    public static void Words(List<FieldError> errors, string? textHi, string? textEn, bool sms, bool links = false)
    {
        foreach (var (field, text) in new[] { ("TextHi", textHi), ("TextEn", textEn) })
        {
            if (string.IsNullOrWhiteSpace(text)) { errors.Add(new(field, T("Write the message in Hindi and in English."))); continue; }
            if (text.Length > BroadcastRules.MaxText) errors.Add(new(field, T("This is too long: at most {0} characters.", BroadcastRules.MaxText)));
            if (MessageText.UnknownFields(text, links).FirstOrDefault() is { } unknown)
                errors.Add(new(field, T("{0} is not a field: use {{name}}, {{unit}} or {{post}}.", unknown)));
            if (sms && SmsSegments.Count(MessageText.Render(text, SampleField, SampleField, SampleField, links ? SampleLink : null)).Segments > MaxSmsParts)
                errors.Add(new(field, T("Too long for SMS: at most {0} parts.", MaxSmsParts)));
        }
    }

    /// <summary>What each channel needs beside the text; a template may leave out what a broadcast on that channel must have.</summary>
    public static void Registrations(List<FieldError> errors, Registration r, bool needSms, bool needEmail, bool needWhatsApp)
    {
        if ((needSms || !string.IsNullOrWhiteSpace(r.DltTemplateId)) && (string.IsNullOrWhiteSpace(r.DltTemplateId) || !DltId().IsMatch(r.DltTemplateId.Trim())))
            errors.Add(new("DltTemplateId", T("SMS needs the DLT template ID the text is registered under (digits).")));
        if (!string.IsNullOrWhiteSpace(r.SenderId) && !Header().IsMatch(r.SenderId.Trim()))
            errors.Add(new("SenderId", T("A sender ID is six capital letters, as registered on DLT.")));
        if (needEmail && (string.IsNullOrWhiteSpace(r.SubjectHi) || string.IsNullOrWhiteSpace(r.SubjectEn)))
            errors.Add(new("SubjectHi", T("E-mail needs a subject in Hindi and in English.")));
        if (r.SubjectHi?.Length > 150 || r.SubjectEn?.Length > 150)
            errors.Add(new("SubjectHi", T("This is too long: at most {0} characters.", 150)));
        if ((needWhatsApp || !string.IsNullOrWhiteSpace(r.WhatsAppTemplate))
            && (string.IsNullOrWhiteSpace(r.WhatsAppTemplate) || !WaTemplate().IsMatch(r.WhatsAppTemplate.Trim())))
            errors.Add(new("WhatsAppTemplate", T("WhatsApp needs the name of a template Meta approved (small letters, digits, _).")));
    }

    /// <summary>The registrations and subjects a text goes with.</summary>
    public sealed record Registration(string? SenderId, string? DltTemplateId, string? WhatsAppTemplate, string? SubjectHi, string? SubjectEn);

    [GeneratedRegex("^[0-9]{6,32}$")]
    private static partial Regex DltId();

    [GeneratedRegex("^[A-Z]{6}$")]
    private static partial Regex Header();

    [GeneratedRegex("^[a-z0-9_]{1,100}$")]
    private static partial Regex WaTemplate();
}
