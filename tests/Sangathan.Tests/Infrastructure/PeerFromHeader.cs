using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no socket, so no peer address: a request may name its peer in the X-Test-Peer header,
/// taken before any of the app's own steps (forwarded headers, sign-in limits) as Kestrel takes it from the connection.
/// </summary>
public sealed class PeerFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, rest) =>
        {
            if (http.Request.Headers[Header].ToString() is { Length: > 0 } peer) http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            return rest(http);
        });
        next(app);
    };

    /// <summary>A request from this peer address.</summary>
    public static HttpRequestMessage From(string peer, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(Header, peer);
        return request;
    }
}
