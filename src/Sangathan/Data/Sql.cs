using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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

    public static void Add(DbCommand command, string name, object? value) => command.Parameters.Add(Parameter(command.CreateParameter(), name, value));

    /// <summary>A parameter named and set, null as the database's NULL: of a command or of a batch's command alike.</summary>
    public static DbParameter Parameter(DbParameter p, string name, object? value)
    {
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        return p;
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
    public static Task InsertAsync(AppDb db, string table, CancellationToken ct, params (string Column, Array Values)[] columns) =>
        InsertAsync(db, table, skipExisting: false, ct, columns);

    /// <summary>The same, leaving out rows whose key is already there (ON CONFLICT DO NOTHING, on both databases).</summary>
    public static async Task InsertAsync(AppDb db, string table, bool skipExisting, CancellationToken ct, params (string Column, Array Values)[] columns)
    {
        var rows = columns[0].Values.Length;
        if (rows == 0) return;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Column}\""));
        var parameters = string.Join(", ", columns.Select((_, i) => $"@c{i}"));
        var postgres = IsPostgres(db);
        var conflict = skipExisting ? " ON CONFLICT DO NOTHING" : "";
        await using var command = await CommandAsync(db, postgres
            ? $"INSERT INTO \"{table}\" ({names}) SELECT * FROM unnest({parameters}){conflict}"
            : $"INSERT INTO \"{table}\" ({names}) VALUES ({parameters}){conflict}", ct);
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

    /// <summary>
    /// Inserts new entities with every column the model maps, in the caller's transaction, and sets their ids:
    /// taken beforehand (<see cref="NextIdsAsync"/>) so that one statement writes them all, as <see cref="InsertAsync"/>
    /// does, where EF would send a statement an entity and keep its bookkeeping. Nothing is tracked and nothing
    /// audited: the caller records them (the import writes their "create" entries itself).
    /// </summary>
    public static async Task InsertNewAsync<T>(AppDb db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        var key = type.FindPrimaryKey()!.Properties.Single().PropertyInfo!;
        var ids = await NextIdsAsync(db, type.GetTableName()!, entities.Count, ct);
        for (var i = 0; i < entities.Count; i++) key.SetValue(entities[i], ids[i]);
        await InsertEntitiesAsync(db, entities, ct);
    }

    /// <summary>Inserts entities whose ids are already set (from <see cref="NextIdsAsync"/>), every mapped column.</summary>
    public static async Task InsertEntitiesAsync<T>(AppDb db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        await InsertAsync(db, type.GetTableName()!, ct, type.GetProperties().Select(p => (p.GetColumnName(), ValuesOf(p, entities))).ToArray());
    }

    /// <summary>
    /// The next <paramref name="count"/> ids of a table, for rows inserted with ids of their own in the caller's
    /// transaction. PostgreSQL hands them out from the column's sequence, so that other writers never get them; on
    /// SQLite the transaction already holds the database's one write lock (Microsoft.Data.Sqlite begins it
    /// IMMEDIATE), and the ids follow the highest one used, as AUTOINCREMENT would go on.
    /// </summary>
    public static async Task<int[]> NextIdsAsync(AppDb db, string table, int count, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Ids are taken in the transaction that inserts the rows.");
        if (IsPostgres(db)) return await SequenceIdsAsync(db, table, count, ct);
        var ids = new int[count];
        await using var last = await CommandAsync(db,
            $"SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = @table), 0), COALESCE((SELECT max(\"Id\") FROM \"{table}\"), 0))", ct);
        Add(last, "table", table);
        var first = Convert.ToInt32(await last.ExecuteScalarAsync(ct)) + 1;
        for (var i = 0; i < count; i++) ids[i] = first + i;
        return ids;
    }

    /// <summary>The next ids from a PostgreSQL table's id sequence, which no rollback gives back: usable in any transaction or none.</summary>
    public static async Task<int[]> SequenceIdsAsync(AppDb db, string table, int count, CancellationToken ct)
    {
        var ids = new int[count];
        await using var next = await CommandAsync(db, "SELECT nextval(pg_get_serial_sequence(@table, 'Id')) FROM generate_series(1, @count)", ct);
        Add(next, "table", $"\"{table}\"");
        Add(next, "count", count);
        await using var reader = await next.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = checked((int)reader.GetInt64(0));
        return ids;
    }

    /// <summary>One column's values as the database takes them: enums and the like through the model's converter.</summary>
    static Array ValuesOf<T>(IProperty property, IReadOnlyList<T> entities) where T : class
    {
        var converter = property.GetTypeMapping().Converter;
        var type = converter?.ProviderClrType ?? property.ClrType;
        if (property.IsNullable && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            type = typeof(Nullable<>).MakeGenericType(type);
        var getter = property.GetGetter();
        var values = Array.CreateInstance(type, entities.Count);
        for (var i = 0; i < entities.Count; i++) values.SetValue(ProviderValue(property, getter.GetClrValue(entities[i])), i);
        return values;
    }

    static object? ProviderValue(IProperty property, object? value) =>
        value is null || property.GetTypeMapping().Converter is not { } converter ? value : converter.ConvertToProvider(value);

    /// <summary>
    /// A single-row INSERT of every column the model maps, its parameters named after the columns
    /// (<see cref="ColumnsOf"/>), for a hot path that sends the row in a batch with the rows that point at it.
    /// </summary>
    public static string InsertOf(IEntityType type) => Inserts.GetOrAdd(type, t =>
    {
        var columns = t.GetProperties().Select(p => p.GetColumnName()).ToList();
        return $"INSERT INTO \"{t.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
    });

    static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, string> Inserts = new();

    /// <summary>One entity's columns as the database takes them, for <see cref="InsertOf"/>; its id must be set.</summary>
    public static (string Name, object? Value)[] ColumnsOf(IEntityType type, object entity) =>
        [.. type.GetProperties().Select(p => (p.GetColumnName(), ProviderValue(p, p.GetGetter().GetClrValue(entity))))];

    public static bool IsPostgres(AppDb db) => db.Database.IsNpgsql();

    /// <summary>A unique, foreign-key or check constraint refused the write (PostgreSQL's class 23, SQLite's SQLITE_CONSTRAINT).</summary>
    public static bool IsConstraintViolation(DbException e) =>
        e is Npgsql.PostgresException { SqlState: [ '2', '3', ..] } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    public static DateTime Utc(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
