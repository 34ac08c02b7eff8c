using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>The rules a meeting's details keep; each broken one is a message in the reader's language.</summary>
internal static class MeetingValidation
{
    public static List<FieldError> Details(string? title, string? agenda, DateTimeOffset? startsAt, int? minutes, string? place, string? videoLink,
        DateTime now, DateTime? startedBefore)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new("Title", T("Give the meeting a title.")));
        else if (title.Trim().Length > MeetingRules.MaxTitle) errors.Add(new("Title", T("This is too long: at most {0} characters.", MeetingRules.MaxTitle)));
        if (agenda?.Trim().Length > MeetingRules.MaxAgenda) errors.Add(new("Agenda", T("This is too long: at most {0} characters.", MeetingRules.MaxAgenda)));
        if (place?.Trim().Length > MeetingRules.MaxPlace) errors.Add(new("Place", T("This is too long: at most {0} characters.", MeetingRules.MaxPlace)));
        if (string.IsNullOrWhiteSpace(place) && string.IsNullOrWhiteSpace(videoLink))
            errors.Add(new("Place", T("Say where it is: a place, or a video link.")));
        if (!string.IsNullOrWhiteSpace(videoLink) && !IsLink(videoLink.Trim()))
            errors.Add(new("VideoLink", T("A video link is a web address starting with https://.")));
        // A meeting already held may be put on record for a week, to enter its attendance; one is called a year ahead at most.
        if (startsAt is not { } at) errors.Add(new("StartsAt", T("Say when it starts.")));
        else if (at.UtcDateTime > now.AddDays(366) || (at.UtcDateTime < now.AddDays(-7) && at.UtcDateTime != startedBefore))
            errors.Add(new("StartsAt", T("A meeting is from a week ago to a year ahead.")));
        if (minutes is { } m && (m < 15 || m > MeetingRules.MaxLength.TotalMinutes))
            errors.Add(new("Minutes", T("A meeting lasts from 15 minutes to a day.")));
        return errors;
    }

    static bool IsLink(string text) =>
        text.Length <= MeetingRules.MaxLink && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.');

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
