namespace Sangathan.Meetings;

public enum CheckInWindow { TooEarly, Open, Over }

/// <summary>The small rules of meetings, named once for the use cases, the pages and the API.</summary>
public static class MeetingRules
{
    public const int MaxTitle = 100;
    public const int MaxAgenda = 2_000;
    public const int MaxPlace = 150;
    public const int MaxLink = 300;
    public const int MaxMinutes = 8_000;
    public const int MaxReason = 200;
    public const int MaxNamed = 200;
    public const int MaxPhotos = 12;
    /// <summary>A meeting lasts at most a day: a longer gathering is several meetings.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    /// <summary>
    /// A meeting's own QR checks people in from a little before it starts until it ends (plus what the options allow
    /// after): at any other time it is refused, so that a photo of last month's QR proves nothing.
    /// </summary>
    public static CheckInWindow Window(DateTime startsAt, DateTime endsAt, DateTime now, MeetingOptions o) =>
        now < startsAt.AddMinutes(-o.CheckInOpensMinutes) ? CheckInWindow.TooEarly
        : now > endsAt.AddMinutes(o.CheckInClosesMinutes) ? CheckInWindow.Over
        : CheckInWindow.Open;

    /// <summary>Late: arrived after the start and the grace the options give.</summary>
    public static bool IsLate(DateTime startsAt, DateTime arrivedAt, MeetingOptions o) => arrivedAt > startsAt.AddMinutes(o.LateAfterMinutes);

    /// <summary>
    /// When a scan made on a phone offline counts as made: the phone's time, unless it claims a time outside the meeting's
    /// window or after the scan reached us (a wrong clock), when the time it arrived is the best there is; null when
    /// neither is within the window (a scan of another day is not this meeting's attendance).
    /// </summary>
    public static DateTime? ScannedAt(DateTime? phone, DateTime received, DateTime startsAt, DateTime endsAt, MeetingOptions o) =>
        phone is { } at && at <= received.AddMinutes(1) && Window(startsAt, endsAt, at, o) == CheckInWindow.Open ? at
        : Window(startsAt, endsAt, received, o) == CheckInWindow.Open ? received
        : null;

    /// <summary>The month (yyyymm) of a UTC time in the party's time zone.</summary>
    public static int MonthOf(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.Year * 100 + local.Month;
    }

    /// <summary>The month before yyyymm, and the one after.</summary>
    public static int AddMonths(int month, int n)
    {
        var total = month / 100 * 12 + month % 100 - 1 + n;
        return total / 12 * 100 + total % 12 + 1;
    }

    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateTime Utc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    /// <summary>Attendance as a whole percentage of those invited; null when nobody was.</summary>
    public static int? Rate(int came, int invited) => invited == 0 ? null : (int)Math.Round(100.0 * Math.Min(came, invited) / invited);
}
