using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sangathan.Messaging;

namespace Sangathan.Tests.Messaging;

/// <summary>Just the messaging feature, wired as the app wires it, over settings of the test's choosing.</summary>
static class MessagingHost
{
    public static WebApplication Build(Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter((_, _, _) => true);
        }
        builder.AddMessaging();
        return builder.Build();
    }

    public static Dictionary<string, string?> Kannel(string baseUrl, string username = "u", string password = "p") => new()
    {
        ["Sms:Gateway"] = "kannel",
        ["Sms:Kannel:BaseUrl"] = baseUrl,
        ["Sms:Kannel:Username"] = username,
        ["Sms:Kannel:Password"] = password,
    };

    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
