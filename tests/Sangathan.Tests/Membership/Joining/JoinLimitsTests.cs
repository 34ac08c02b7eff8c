using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Messaging;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// The join page takes so many registrations from one address an hour, and for one voter ID a day, counted in the
/// database: a second app server over the same database refuses what the first has used up.
/// </summary>
public sealed class JoinLimitsTests(JoinLimitsTests.Factory app) : IClassFixture<JoinLimitsTests.Factory>
{
    const string PeerHeader = "X-Test-Peer";

    /// <summary>The app with its SMS recorded, four registrations an address an hour, each request's peer from a test header.</summary>
    public class Factory : SangathanFactory
    {
        public RecordingSms Sms { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Membership:JoinsPerAddressPerHour", "4");
            builder.ConfigureServices(services => services.AddSingleton<ISmsSender>(Sms));
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
        }
    }

    /// <summary>Another app server, over the first one's database.</summary>
    sealed class SecondServer(Factory first) : Factory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", first.Provider);
            builder.UseSetting("ConnectionStrings:Sangathan", first.ConnectionString);
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

    [Fact]
    public async Task AVoterIdTakesThreeRegistrationsADayOnEveryServer()
    {
        var booth = (await new Tree(app.CreateAdminClient()).BranchAsync("Karauli", "करौली")).Booth;
        var voterId = Joiner.NewVoterId();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await RegisterAsync(app, booth, voterId, $"198.51.100.{i + 1}")).StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 3), answers);

        var refused = await RegisterAsync(app, booth, voterId, "198.51.100.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many registrations were made from here or for this voter ID", await refused.Content.ReadAsStringAsync());
        await using var second = new SecondServer(app);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RegisterAsync(second, booth, voterId, "198.51.100.10")).StatusCode);
        // In Hindi, on the page.
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        await phone.GetAsync($"/language/hi?returnUrl=/join");
        var form = await phone.GetStringAsync($"/join?unit={booth}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/join?booth={booth}") { Content = VoterIdClaimTests.PageForm(form, voterId, Tree.RandomMobile()) };
        request.Headers.Add(PeerHeader, "198.51.100.11");
        var page = await phone.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("बहुत अधिक पंजीकरण", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAddressTakesItsRegistrationsAnHourAndAnotherAddressIsServed()
    {
        var booth = (await new Tree(app.CreateAdminClient()).BranchAsync("Karauli", "करौली")).Booth;
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) answers.Add((await RegisterAsync(app, booth, Joiner.NewVoterId(), "2001:db8:7:1::" + (i + 1))).StatusCode);
        // One /64 is one customer, whichever address of it they use.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 4), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(app, booth, Joiner.NewVoterId(), "2001:db8:7:2::1")).StatusCode);
    }

    static async Task<HttpResponseMessage> RegisterAsync(SangathanFactory server, int booth, string voterId, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/join") { Content = JsonContent.Create(Joiner.Details(booth, voterId, Tree.RandomMobile())) };
        request.Headers.Add(PeerHeader, peer);
        return await server.CreateClient().SendAsync(request);
    }
}
