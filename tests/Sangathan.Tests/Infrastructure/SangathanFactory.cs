using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// The app in memory over a database of its own (see <see cref="TestDatabase"/>), migrated at start and never
/// seeded. As an xunit class fixture it gives each test class its own database.
/// </summary>
public class SangathanFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly TestDatabase database = TestDatabase.Create();
    bool kestrel;

    public string Provider => database.Provider;

    /// <summary>The database this app uses, for a second process of the app (see <see cref="AppProcess"/>).</summary>
    public string ConnectionString => database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Sangathan", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Seed", "none");
        // Guesses against one number or account slow its answers; tests that fail sign-ins on purpose need not wait long.
        builder.UseSetting("Access:SlowestAnswer", "00:00:00.100");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    /// <summary>
    /// A client signed in as a new war-room administrator (or the given roles): a real session, opened by the
    /// app's own code, carried as the page cookie and as the API's bearer token. Cookies are kept (language,
    /// antiforgery); redirects are not followed unless asked.
    /// </summary>
    public HttpClient CreateStaffClient(string roles = "admin", bool followRedirects = false)
    {
        var token = WithDb(async db =>
        {
            using var scope = Services.CreateScope();
            var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
                .RunAsync(new NewStaff($"t{Guid.NewGuid():N}"[..20], "Test staff", "test-password-123", roles.Split(',')));
            return await scope.ServiceProvider.GetRequiredService<Sessions>().OpenAsync(null, outcome.Id, TimeSpan.FromHours(1), null);
        }).GetAwaiter().GetResult();
        return CreateClientWithToken(token, followRedirects);
    }

    public HttpClient CreateAdminClient(bool followRedirects = false) => CreateStaffClient("admin", followRedirects);

    /// <summary>A client signed in as this person (who should hold a post, as sign-in by code requires).</summary>
    public HttpClient CreatePersonClient(int personId) => CreateClientWithToken(OpenPersonSessionAsync(personId).GetAwaiter().GetResult(), false);

    /// <summary>A session for this person, as signing in by code opens one: its token is the cookie's value.</summary>
    public async Task<string> OpenPersonSessionAsync(int personId)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Sessions>().OpenAsync(personId, null, TimeSpan.FromHours(1), null);
    }

    public HttpClient CreateClientWithToken(string token, bool followRedirects)
    {
        // http://localhost in memory; the real address once the app is served on Kestrel.
        var address = ClientOptions.BaseAddress;
        var cookies = new CookieContainer();
        cookies.Add(new Cookie(SessionAuthentication.Cookie, token, "/", address.Host));
        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(cookies)]
            : [new CookieContainerHandler(cookies)];
        var client = CreateDefaultClient(address, handlers);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> with a scoped <see cref="AppDb"/>, to arrange or inspect data.</summary>
    public async Task WithDb(Func<AppDb, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public async Task<T> WithDb<T>(Func<AppDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    /// <summary>
    /// Serves the app on Kestrel at 127.0.0.1 on a free port and returns its address, for a browser, which cannot
    /// reach the in-memory TestServer. Call it before anything else starts this factory (CreateClient,
    /// Services, WithDb); CreateClient still works afterwards, over the real socket.
    /// </summary>
    /// <param name="port">A port chosen beforehand, for an app that must know its own address in its settings; 0 for any.</param>
    public Uri ServeOnKestrel(int port = 0)
    {
        if (!kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            kestrel = true;
        }
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
        GC.SuppressFinalize(this);
    }
}
