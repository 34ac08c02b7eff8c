using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Audit;

namespace Sangathan.Data;

public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connection = builder.Configuration.GetConnectionString("Sangathan") is { Length: > 0 } cs ? cs : null;

        if (options.Provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Sangathan is empty.");
            connection = Tuned(connection);
            builder.Services.AddDbContext<PostgresAppDb>((sp, o) => o.UseNpgsql(connection)
                .AddInterceptors(sp.GetRequiredService<Search.NameIndexInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
            builder.Services.AddScoped<AppDb>(sp => sp.GetRequiredService<PostgresAppDb>());
        }
        else
        {
            connection ??= SqliteConnectionIn(builder.Environment.ContentRootPath, options.DataFolder);
            builder.Services.AddDbContext<SqliteAppDb>((sp, o) => o.UseSqlite(connection)
                .AddInterceptors(sp.GetRequiredService<Search.NameIndexInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), BusyWait));
            builder.Services.AddScoped<AppDb>(sp => sp.GetRequiredService<SqliteAppDb>());
        }
        return builder;
    }

    static readonly SqliteBusyWait BusyWait = new();

    /// <summary>
    /// The app's statements are few and asked again and again, so the server is spared parsing and planning them each
    /// time: Npgsql prepares those used twice. That needs the pooled connection's session kept as it is when it goes
    /// back to the pool (no DISCARD ALL, which would also drop the prepared statements); the app keeps no state in a
    /// session that would need resetting (its locks and settings are the transaction's). Settings given are kept.
    /// </summary>
    static string Tuned(string connection)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) cs.MaxAutoPrepare = 100;
        if (!connection.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) cs.NoResetOnClose = true;
        return cs.ConnectionString;
    }

    static string SqliteConnectionIn(string contentRoot, string folder)
    {
        var path = Path.GetFullPath(Path.Combine(contentRoot, folder));
        Directory.CreateDirectory(path);
        return $"Data Source={Path.Combine(path, "sangathan.db")};Pooling=True";
    }

    /// <summary>Applies the provider's migrations; SQLite also gets write-ahead logging for concurrent readers.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStart) return;
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
