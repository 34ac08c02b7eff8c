using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sangathan.Data;

/// <summary>Commands on the context's own connection (and transaction), for set-based statements EF cannot write.</summary>
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

    public static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// Sets columns of many rows found by id, in the caller's transaction: on PostgreSQL one statement over arrays
    /// (one a column, unnested side by side), on SQLite one statement prepared once and run a row, cheap in-process.
    /// EF's change tracker would send an UPDATE a row with its bookkeeping. Table and column names are the code's own.
    /// </summary>
    public static async Task SetByIdAsync(AppDb db, string table, Array ids, CancellationToken ct, params (string Column, Array Values)[] columns)
    {
        if (ids.Length == 0) return;
        var sets = string.Join(", ", columns.Select((c, i) => $"\"{c.Column}\" = @c{i}"));
        if (IsPostgres(db))
        {
            var names = string.Join(", ", columns.Select((_, i) => $"c{i}"));
            await using var all = await CommandAsync(db,
                $"UPDATE \"{table}\" SET {sets.Replace("@c", "v.c")} FROM unnest(@id, @{names.Replace(", ", ", @")}) AS v(id, {names}) WHERE \"Id\" = v.id", ct);
            Add(all, "id", ids);
            for (var i = 0; i < columns.Length; i++) Add(all, $"c{i}", columns[i].Values);
            await all.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var one = await CommandAsync(db, $"UPDATE \"{table}\" SET {sets} WHERE \"Id\" = @id", ct);
        for (var i = 0; i < columns.Length; i++) Add(one, $"c{i}", null);
        Add(one, "id", null);
        await one.PrepareAsync(ct);
        for (var row = 0; row < ids.Length; row++)
        {
            for (var i = 0; i < columns.Length; i++) one.Parameters[i].Value = columns[i].Values.GetValue(row) ?? DBNull.Value;
            one.Parameters[columns.Length].Value = ids.GetValue(row)!;
            await one.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Inserts many rows, in the caller's transaction: on PostgreSQL one INSERT ... SELECT over arrays (one a column),
    /// on SQLite one statement prepared once and run a row. For rows whose ids nobody reads back.
    /// </summary>
    public static async Task InsertAsync(AppDb db, string table, CancellationToken ct, params (string Column, Array Values)[] columns)
    {
        var rows = columns[0].Values.Length;
        if (rows == 0) return;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Column}\""));
        var parameters = string.Join(", ", columns.Select((_, i) => $"@c{i}"));
        var postgres = IsPostgres(db);
        await using var command = await CommandAsync(db, postgres
            ? $"INSERT INTO \"{table}\" ({names}) SELECT * FROM unnest({parameters})"
            : $"INSERT INTO \"{table}\" ({names}) VALUES ({parameters})", ct);
        for (var i = 0; i < columns.Length; i++) Add(command, $"c{i}", postgres ? columns[i].Values : null);
        if (postgres)
        {
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        await command.PrepareAsync(ct);
        for (var row = 0; row < rows; row++)
        {
            for (var i = 0; i < columns.Length; i++) command.Parameters[i].Value = columns[i].Values.GetValue(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static bool IsPostgres(AppDb db) => db.Database.IsNpgsql();

    /// <summary>A unique, foreign-key or check constraint refused the write (PostgreSQL's class 23, SQLite's SQLITE_CONSTRAINT).</summary>
    public static bool IsConstraintViolation(DbException e) =>
        e is Npgsql.PostgresException { SqlState: [ '2', '3', ..] } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    public static DateTime Utc(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
