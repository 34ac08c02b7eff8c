using Sangathan.Meetings;

namespace Sangathan.Pages.Meetings;

/// <summary>
/// A meeting's details as the phone's form posts them, for calling a meeting and for changing one (_Details.cshtml is
/// its fields). The time is the party's, as typed on the phone, to the minute.
/// </summary>
public class DetailsForm
{
    public string? Title { get; set; }
    public string? Agenda { get; set; }
    public DateTime? StartsAt { get; set; }
    public int? Minutes { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }

    public DateTimeOffset? StartsAtUtc(TimeZoneInfo zone) =>
        StartsAt is { } at ? new DateTimeOffset(MeetingRules.Utc(at, zone), TimeSpan.Zero) : null;

    /// <summary>The form filled with a meeting's details as they stand.</summary>
    public static DetailsForm Of(MeetingView m, MeetingZone zone) => new()
    {
        Title = m.Title, Agenda = m.Agenda, StartsAt = Minute(zone.Local(m.StartsAt)), Minutes = (int)(m.EndsAt - m.StartsAt).TotalMinutes,
        Place = m.Place, VideoLink = m.VideoLink,
    };

    /// <summary>
    /// The change to send; a time sent back as the form showed it is the meeting's own (to the second), so that saving
    /// the title alone does not tell the invitees the meeting moved, nor refuse a meeting already held for its time.
    /// </summary>
    public MeetingChange ToChange(MeetingView m, MeetingZone zone) => new()
    {
        Title = Title, Agenda = Agenda, Minutes = Minutes, Place = Place, VideoLink = VideoLink,
        StartsAt = StartsAt == Minute(zone.Local(m.StartsAt)) ? new DateTimeOffset(DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Utc)) : StartsAtUtc(zone.Zone),
    };

    static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, t.Kind);
}
