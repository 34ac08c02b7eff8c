using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sangathan.Data;

/// <summary>
/// Lets SQLite itself wait for its one write lock, a few milliseconds at a time (its busy handler), instead of
/// Microsoft.Data.Sqlite's retry, which sleeps 150 ms whenever the lock is taken: an import's chunk then lost
/// 150 ms each time the audit sealer held the lock for a few, 7 s over a 54,000-row file.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData data) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData data, CancellationToken ct = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    // Runs in-process in microseconds; a pooled connection is opened again for every context, so it is set each time.
    static void Run(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
