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
        builder.AddEmail();
        builder.AddWhatsApp();
        return builder;
    }

    static void AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton(_ => new ConsoleEmailSender(Console.Out));
        builder.Services.AddSingleton<IEmailSender>(services =>
            services.GetRequiredService<IOptions<EmailOptions>>().Value.Gateway == "smtp"
                ? services.GetRequiredService<SmtpEmailSender>()
                : services.GetRequiredService<ConsoleEmailSender>());
    }

    static void AddWhatsApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<CloudApiWhatsAppSender>((services, http) =>
            {
                http.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<WhatsAppOptions>>().Value.TimeoutSeconds);
                http.MaxResponseContentBufferSize = 256 * 1024;
            })
            // The body names the number; the bearer token is a secret.
            .RemoveAllLoggers();
        builder.Services.AddSingleton(_ => new ConsoleWhatsAppSender(Console.Out));
        builder.Services.AddTransient<IWhatsAppSender>(services =>
            services.GetRequiredService<IOptions<WhatsAppOptions>>().Value.Gateway == "cloud"
                ? services.GetRequiredService<CloudApiWhatsAppSender>()
                : services.GetRequiredService<ConsoleWhatsAppSender>());
    }
}
