using Microsoft.EntityFrameworkCore;

namespace Sangathan.Data;

public static class HealthEndpoint
{
    public sealed record Health(string Status, string Database, string Provider, int PendingMigrations);

    /// <summary>/health answers 200 when the database can be reached and is migrated, 503 otherwise.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (AppDb db, CancellationToken ct) =>
        {
            var provider = db.Database.IsNpgsql() ? "postgres" : "sqlite";
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                var health = new Health(pending == 0 ? "healthy" : "unhealthy", pending == 0 ? "up" : "not migrated", provider, pending);
                return Results.Json(health, statusCode: pending == 0 ? 200 : 503);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Results.Json(new Health("unhealthy", "unreachable", provider, -1), statusCode: 503);
            }
        }).ExcludeFromDescription().AllowAnonymous();
}
