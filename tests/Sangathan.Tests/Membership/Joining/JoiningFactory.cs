using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Membership;
using Sangathan.Messaging;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// The app paying through a stand-in gateway of its own on a loopback port, with webhooks held for the test to send
/// when, how often and in what order it likes, and SMS recorded. The reconciler runs only when a test asks.
/// </summary>
public sealed class JoiningFactory : SangathanFactory, IAsyncLifetime
{
    public RecordingSms Sms { get; } = new();
    public StandInGateway StandIn { get; private set; } = null!;

    public RazorpayStandIn Gateway => StandIn.Gateway;

    async Task IAsyncLifetime.InitializeAsync()
    {
        StandIn = await StandInGateway.StartAsync("http://localhost" + JoiningSetup.WebhookPath, hold: true);
        StandIn.SendWebhooksThrough(CreateClient());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Configure(builder, StandIn.Url, "http://localhost");
        builder.ConfigureServices(services => services.AddSingleton<ISmsSender>(Sms));
    }

    /// <summary>The gateway settings every joining test uses: the stand-in's address and keys, the reconciler asked by hand.</summary>
    public static void Configure(IWebHostBuilder builder, string gateway, string site)
    {
        builder.UseSetting("Payments:Gateway", PaymentOptions.RazorpayGateway);
        builder.UseSetting("Payments:Razorpay:BaseUrl", gateway);
        builder.UseSetting("Payments:Razorpay:KeyId", StandInGateway.Keys.KeyId);
        builder.UseSetting("Payments:Razorpay:KeySecret", StandInGateway.Keys.KeySecret);
        builder.UseSetting("Payments:Razorpay:WebhookSecret", StandInGateway.Keys.WebhookSecret);
        builder.UseSetting("Payments:ReconcileAfterSeconds", "0");
        builder.UseSetting("Payments:ReconcileEverySeconds", "3600");
        builder.UseSetting("Membership:PublicUrl", site);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
