using Microsoft.EntityFrameworkCore;

namespace Sangathan.Data;

/// <summary>
/// What a load balancer asks each app server: /health/live (the process answers: restart it if not), and
/// /health/ready, also /health (send it requests: the database is reached, it is the writable primary, the schema
/// is migrated, and the server is not stopping). A server whose database is out of reach stays alive, not ready.
/// </summary>
public static class HealthEndpoint
{
    public sealed record Health(string Status, string Database, string Provider, int PendingMigrations);

    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "alive" })).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/health/ready", ReadyAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/health", ReadyAsync).ExcludeFromDescription().AllowAnonymous();
    }

    static async Task<IResult> ReadyAsync(AppDb db, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var provider = db.Database.IsNpgsql() ? "postgres" : "sqlite";
        // Stopping: the balancer takes it out of turn while requests already in finish.
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return Results.Json(new Health("unhealthy", "stopping", provider, -1), statusCode: 503);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            // A standby answers reads only; a server whose connection string still reaches one is not ready for writes.
            if (provider == "postgres" && await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(timeout.Token))
                return Results.Json(new Health("unhealthy", "read-only standby", provider, pending), statusCode: 503);
            var health = new Health(pending == 0 ? "healthy" : "unhealthy", pending == 0 ? "up" : "not migrated", provider, pending);
            return Results.Json(health, statusCode: pending == 0 ? 200 : 503);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException or OperationCanceledException
            && !ct.IsCancellationRequested)
        {
            return Results.Json(new Health("unhealthy", "unreachable", provider, -1), statusCode: 503);
        }
    }
}
