using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.SignIn;

/// <summary>
/// The limit per address, through HTTP: one address asking codes for many numbers (each under its own limit) is
/// stopped at the address's limit, while another address goes on being served.
/// </summary>
public sealed class CodesPerAddressTests(CodesPerAddressTests.Factory app) : IClassFixture<CodesPerAddressTests.Factory>
{
    const string PeerHeader = "X-Test-Peer";

    /// <summary>The app as served, each request's network peer taken from a test header.</summary>
    public sealed class Factory : SangathanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
        }
    }

    // The in-memory test server has no socket, so no peer address; Kestrel reads it from the connection.
    sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, rest) =>
            {
                if (http.Request.Headers[PeerHeader].ToString() is { Length: > 0 } peer) http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return rest(http);
            });
            next(app);
        };
    }

    async Task<HttpStatusCode> AskAsync(string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/code") { Content = JsonContent.Create(new { mobile = Tree.RandomMobile() }) };
        request.Headers.Add(PeerHeader, peer);
        using var response = await app.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task OneAddressAskingCodesForManyNumbersIsStoppedAtItsLimitAndAnotherIsNot()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) answers.Add(await AskAsync("203.0.113.7"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 10), answers.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[10]);
        Assert.Equal(HttpStatusCode.Accepted, await AskAsync("198.51.100.20"));
    }
}
