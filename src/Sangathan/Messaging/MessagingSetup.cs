using Microsoft.Extensions.Options;

namespace Sangathan.Messaging;

public static class MessagingSetup
{
    /// <summary>Registers <see cref="ISmsSender"/> for the gateway named by Sms:Gateway, its options checked at start.</summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<KannelSmsSender>((services, http) =>
            {
                http.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<SmsOptions>>().Value.Kannel.TimeoutSeconds);
                // Kannel's answers are one line; anything bigger is not Kannel.
                http.MaxResponseContentBufferSize = 64 * 1024;
            })
            // The query holds the password, the number and the text (a sign-in code). HttpClient's request logs
            // redact queries only until someone sets System.Net.Http.DisableUriRedaction; these stay out of them.
            .RemoveAllLoggers();
        builder.Services.AddSingleton(services => new ConsoleSmsSender(Console.Out,
            services.GetRequiredService<ILogger<ConsoleSmsSender>>(), services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddTransient<ISmsSender>(services =>
            services.GetRequiredService<IOptions<SmsOptions>>().Value.Gateway == SmsOptions.KannelGateway
                ? services.GetRequiredService<KannelSmsSender>()
                : services.GetRequiredService<ConsoleSmsSender>());
        return builder;
    }
}
