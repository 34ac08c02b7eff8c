namespace Sangathan.Broadcasts;

/// <summary>Broadcasts: compose, approve and follow them (pages and API), the outbox workers, and the gateways' reports.</summary>
public static class BroadcastsSetup
{
    public static void AddBroadcasts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<CountAudience>();
        builder.Services.AddScoped<PreviewBroadcast>();
        builder.Services.AddScoped<CreateBroadcast>();
        builder.Services.AddScoped<DecideBroadcast>();
        builder.Services.AddScoped<GetBroadcast>();
        builder.Services.AddScoped<SetPreferences>();
        builder.Services.AddScoped<SaveTemplate>();
        builder.Services.AddScoped<StopChannel>();
        builder.Services.AddSingleton<OptOutLinks>();
        builder.Services.AddScoped<FindTemplates>();
        builder.Services.AddScoped<IChannelSender, SmsChannelSender>();
        builder.Services.AddScoped<IChannelSender, EmailChannelSender>();
        builder.Services.AddScoped<IChannelSender, WhatsAppChannelSender>();
        builder.Services.AddSingleton<ReportWriter>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ReportWriter>());
        builder.Services.AddHostedService<OutboxWorker>();
    }

    public static void MapBroadcasts(this WebApplication app)
    {
        app.MapBroadcastsApi();
        app.MapDeliveryReports();
    }
}
