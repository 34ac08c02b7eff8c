using Microsoft.EntityFrameworkCore;

namespace Sangathan.Data;

/// <summary>
/// The database for reads that may trail the primary by a moment (counting, completeness): the standby when
/// ConnectionStrings:SangathanReads names one (Npgsql's "Target Session Attributes=prefer-standby", so the primary
/// serves them while no standby is up), else the request's own context. Who may read what is still decided on the
/// primary, by the door; only the heavy counting goes here. Never written through.
/// </summary>
public sealed class ReadDb(AppDb primary, ReadDb.Standby? standby) : IAsyncDisposable
{
    AppDb? own;

    public AppDb Db => standby is null ? primary : own ??= new PostgresAppDb(standby.Options);

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The standby's context options, made once.</summary>
    public sealed record Standby(DbContextOptions<PostgresAppDb> Options);

    internal static void AddTo(IServiceCollection services, string? connection)
    {
        if (connection is { Length: > 0 })
            services.AddSingleton(new Standby(new DbContextOptionsBuilder<PostgresAppDb>()
                .UseNpgsql(connection).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options));
        services.AddScoped(sp => new ReadDb(sp.GetRequiredService<AppDb>(), sp.GetService<Standby>()));
    }
}
