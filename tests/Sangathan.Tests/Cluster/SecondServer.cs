using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sangathan.Tests.Cluster;

/// <summary>Another app server on the database of <paramref name="first"/>: in memory, with nothing of its own but its process's state.</summary>
public sealed class SecondServer(Infrastructure.SangathanFactory first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", first.Provider);
        builder.UseSetting("ConnectionStrings:Sangathan", first.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Seed", "none");
    }
}
