using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sangathan.Access;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Platform;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address over plain HTTP. The proxy's X-Forwarded-For and
/// X-Forwarded-Proto give the client's address and scheme, believed from a configured proxy only: from anyone else they
/// would let a client pose as another address or as HTTPS.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.Factory app) : IClassFixture<ReverseProxyTests.Factory>
{
    const string Proxy = "10.0.0.5";

    /// <summary>The app with one proxy configured (nginx on another machine of the same network, say).</summary>
    public sealed class Factory : SangathanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Network:KnownProxies:0", Proxy);
        }
    }

    readonly HttpClient client = app.CreateClient();

    async Task<HttpStatusCode> AskCodeAsync(string peer, string? forwardedFor)
    {
        using var request = PeerFromHeader.From(peer, HttpMethod.Post, "/api/v1/auth/code", JsonContent.Create(new { mobile = Tree.RandomMobile() }));
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task ForwardedForFromAnUnconfiguredSourceDoesNotChangeTheAddressLimitsCount()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) answers.Add(await AskCodeAsync("203.0.113.50", $"198.51.100.{i + 1}"));

        // Ten codes per address: the eleventh is refused, whatever address each request claimed to be for.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 10), HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task ForwardedForFromTheConfiguredProxyIsTheClientsAddress()
    {
        // Many clients behind the one proxy each have their own limit, not one for the whole site...
        var clients = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) clients.Add(await AskCodeAsync(Proxy, $"198.51.100.{100 + i}"));
        // ...and one client is held to it; an address it wrote itself, left of the proxy's, does not count.
        var one = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) one.Add(await AskCodeAsync(Proxy, $"192.0.2.{i + 1}, 198.51.100.200"));

        Assert.All(clients, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 10), HttpStatusCode.TooManyRequests], one);
    }

    [Fact]
    public async Task BehindTheConfiguredProxyTheSessionCookieIsSecureWhenTheClientUsedHttps()
    {
        var cookie = await StaffPageSignInAsync(Proxy, new() { ["X-Forwarded-For"] = "198.51.100.9", ["X-Forwarded-Proto"] = "https" });
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThroughAProxyNotConfiguredTheCookieIsSecureAndOnlyAPlainLocalBrowserGetsItWithout()
    {
        var throughProxy = await StaffPageSignInAsync("127.0.0.1", new() { ["X-Forwarded-For"] = "198.51.100.10", ["X-Forwarded-Proto"] = "https" });
        var local = await StaffPageSignInAsync("127.0.0.1", []);

        Assert.Contains("secure", throughProxy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", local, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Signs a new staff member in through the page, every request from this peer with these headers; the session cookie.</summary>
    async Task<string> StaffPageSignInAsync(string peer, Dictionary<string, string> headers)
    {
        var name = $"px{Guid.NewGuid():N}"[..12];
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<AddStaff>()
                .RunAsync(new NewStaff(name, "Proxy test", "a-long-password-1", [StaffRoles.Admin], secret))).Outcome.Succeeded);

        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add(PeerFromHeader.Header, peer);
        foreach (var (header, value) in headers) browser.DefaultRequestHeaders.Add(header, value);
        var form = await browser.GetStringAsync("/staff/sign-in");
        using var signedIn = await Forms.PostAsync(browser, "/staff/sign-in", form, new()
        {
            ["Username"] = name, ["Password"] = "a-long-password-1", ["Code"] = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionAuthentication.Cookie + "="));
    }
}
