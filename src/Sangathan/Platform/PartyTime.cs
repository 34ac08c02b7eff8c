using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Sangathan.Platform;

/// <summary>The "Party" section: settings of the party as a whole.</summary>
public sealed class PartyOptions
{
    public const string Section = "Party";

    /// <summary>
    /// The party's time zone (an IANA name, e.g. Asia/Kolkata): every time a page or an export shows is in it, and the
    /// forms read times typed in it. The database keeps UTC.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Kolkata";
}

/// <summary>
/// Times as the party reads them: a UTC time of the database shown in the party's zone (never the server's own zone,
/// which is UTC on most servers and would show a 10 a.m. meeting at 04:30), and a time typed in a form read back to UTC.
/// </summary>
public sealed class PartyTime(IOptions<PartyOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"07-12-2026 20:30", day first as India writes it, in the party's zone.</summary>
    public string Show(DateTime utc) => Local(utc).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public string Show(DateTimeOffset at) => Show(at.UtcDateTime);

    /// <summary>"07-12-2026 20:30:15": the audit's times, to the second.</summary>
    public string ShowSeconds(DateTime utc) => Local(utc).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>For an export's date cell: the party's local time, kept as a date the spreadsheet can sort and filter.</summary>
    public DateTime ForFile(DateTime utc) => Local(utc);

    public static WebApplicationBuilder AddPartyTime(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PartyOptions>().BindConfiguration(PartyOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Party:TimeZone is not a time zone this system knows.").ValidateOnStart();
        builder.Services.AddSingleton<PartyTime>();
        return builder;
    }
}
