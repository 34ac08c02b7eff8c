using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>Commands on the context's own connection (and transaction), for the outbox's set-based statements.</summary>
internal static class Sql
{
    public static async Task<DbCommand> CommandAsync(AppDb db, string text, CancellationToken ct, int timeoutSeconds = 120)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.CommandTimeout = timeoutSeconds;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    public static bool IsPostgres(AppDb db) => db.Database.IsNpgsql();

    public static DateTime Utc(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
