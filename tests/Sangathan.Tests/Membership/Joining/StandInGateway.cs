using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sangathan.Membership;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// The Razorpay stand-in as a server of its own on a loopback port, as the real gateway is a server apart: the app's
/// client calls it over HTTP, a browser posts to its checkout, and it sends signed webhooks to wherever it is told.
/// </summary>
public sealed class StandInGateway : IAsyncDisposable
{
    public static readonly RazorpayOptions Keys = new()
    {
        KeyId = "rzp_test_joining", KeySecret = "joining-test-key-secret", WebhookSecret = "joining-test-webhook-secret",
    };

    readonly WebApplication server;
    HttpClient? webhooks;

    StandInGateway(WebApplication server, RazorpayStandIn gateway, string url) => (this.server, Gateway, Url) = (server, gateway, url);

    public RazorpayStandIn Gateway { get; }

    /// <summary>Its address, http://127.0.0.1:port, as the app's Payments:Razorpay:BaseUrl.</summary>
    public string Url { get; }

    /// <summary>Where its webhooks go: the app under test (its in-memory client, or a real one for a browser test).</summary>
    public void SendWebhooksThrough(HttpClient client) => webhooks = client;

    /// <param name="hold">Keep webhooks until the test delivers them; otherwise each goes at once, twice, the last first.</param>
    public static async Task<StandInGateway> StartAsync(string webhookUrl, bool hold)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        StandInGateway? self = null;
        var gateway = new RazorpayStandIn(Keys, new StandInOptions { Hold = hold, DelayMilliseconds = 0, Deliveries = 2 },
            () => self!.webhooks ?? throw new InvalidOperationException("No webhook client yet."), webhookUrl);
        gateway.Map(server);
        await server.StartAsync();
        var url = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return self = new StandInGateway(server, gateway, url.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
    }
}
