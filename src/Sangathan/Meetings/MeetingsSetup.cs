namespace Sangathan.Meetings;

/// <summary>Meetings at any unit: notices through the broadcasts' outbox, attendance three ways, minutes, reports.</summary>
public static class MeetingsSetup
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MeetingOptions>().BindConfiguration(MeetingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeetingTokens>();
        services.AddSingleton<MeetingZone>();
        services.AddSingleton<MeetingLinks>();
        services.AddScoped<MeetingNotices>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<ChangeMeeting>();
        services.AddScoped<GetMeeting>();
        services.AddScoped<Attendance>();
        services.AddScoped<ScanCard>();
        services.AddScoped<MarkByHand>();
        services.AddScoped<CheckIn>();
        services.AddScoped<AnswerMeeting>();
        services.AddScoped<RecordMinutes>();
        services.AddScoped<MeetingReports>();
        services.AddScoped<MeetingExports>();
        return builder;
    }

    public static void MapMeetings(this WebApplication app) => app.MapMeetingsApi();
}
