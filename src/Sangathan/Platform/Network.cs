using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Sangathan.Platform;

/// <summary>
/// The "Network" section: the reverse proxies in front of the app. Only their X-Forwarded-For and X-Forwarded-Proto are
/// believed; anyone else could write those headers to pose as another address (and slip past its sign-in limits) or as
/// HTTPS. Empty (the default) believes no one, as for the app serving browsers itself.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Addresses of the proxies, e.g. 127.0.0.1 for nginx on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks whose every address is a proxy, in CIDR notation (10.0.0.0/8), e.g. a load balancer's subnet.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class NetworkSetup
{
    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Network:KnownProxies must hold IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Network:KnownNetworks must hold networks such as 10.0.0.0/8.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((f, network) =>
        {
            // The client's address and the scheme it used; never the Host, which the app does not need to trust.
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            f.KnownProxies.Clear();
            f.KnownIPNetworks.Clear();
            foreach (var proxy in network.Value.KnownProxies) f.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var net in network.Value.KnownNetworks) f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(net));
            // Each hop is read from the right while it comes from a known proxy; the first other address is the client.
            f.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First of all: every later step (cookies, limits, the audit log) sees the client's address and scheme.</summary>
    public static void UseNetwork(this WebApplication app) => app.UseForwardedHeaders();
}
