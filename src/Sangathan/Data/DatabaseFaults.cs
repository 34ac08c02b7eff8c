using System.Data.Common;

namespace Sangathan.Data;

/// <summary>
/// Failures that say the database is out of reach for a moment (a failover, a restart), not that the request was
/// wrong: answered 503 with Retry-After, so phones and the offline outbox send again (each enrollment with its own
/// request key, so a retry never makes a second member), and nothing is logged as the app's own error.
/// </summary>
public static class DatabaseFaults
{
    public static bool IsUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException pg)
                // 08: connection exceptions; 57P01-03: shut down or starting; 25006: a write on a standby (a failover's
                // moment); 40001/40P01 stay the app's (retried where they can happen).
                return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "25006";
            // Npgsql's own (not the server's answer): the connection broke, timed out, or no host was the primary.
            if (e is Npgsql.NpgsqlException) return true;
            if (e is DbException) return false;
        }
        return false;
    }
}
