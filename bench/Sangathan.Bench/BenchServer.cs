using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Sangathan.Bench;

/// <summary>
/// The app as production runs it (Production environment, logging at Warning, no demo seeding) over the prepared
/// database. <see cref="ServeOnKestrel"/> puts it on a real socket; without it the host is in memory, for seeding.
/// </summary>
internal sealed class BenchServer(BenchDatabase database, bool logSql = false, IEnumerable<(string Key, string Value)>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Sangathan", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Seed", "none");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        if (logSql) builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
    }

    /// <summary>On Kestrel at a port chosen beforehand (the app's settings name its own address).</summary>
    public void ServeOn(int port)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
    }

    public Uri ServeOnKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }
}
