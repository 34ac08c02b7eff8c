using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sangathan.Data;

namespace Sangathan.Demo;

/// <summary>
/// Writes rows of one entity type straight through the context's connection and transaction: PostgreSQL's
/// binary COPY, or one prepared INSERT reused for every row on SQLite. SaveChanges spends tens of microseconds
/// a row building commands, most of a million-row load on a two-core machine; table and column names and value
/// conversions still come from the EF model, so the two cannot drift apart.
/// </summary>
internal static class BulkInsert
{
    public static async Task WriteAsync(AppDb db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(rows[0].GetType())
            ?? throw new InvalidOperationException($"{rows[0].GetType().Name} is not in the model.");
        // A key the database generates is left to it when the rows do not carry one.
        var columns = entity.GetProperties().Select(p => new Column(p))
            .Where(c => !c.Generated || !c.IsUnsetIn(rows[0])).ToList();
        var table = entity.GetTableName()!;
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql) await CopyAsync(npgsql, table, columns, rows, ct);
        else await InsertAsync(connection, db.Database.CurrentTransaction, table, columns, rows, ct);
    }

    static async Task CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<object> rows,
        CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.ValueOf(row) is { } value) await copy.WriteAsync(value, ct);
                else await copy.WriteNullAsync(ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    static async Task InsertAsync(DbConnection connection, IDbContextTransaction? transaction, string table,
        List<Column> columns, IReadOnlyList<object> rows, CancellationToken ct)
    {
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"@p{i}" })).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    sealed class Column(IProperty property)
    {
        readonly IClrPropertyGetter getter = property.GetGetter();
        readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter =
            property.GetTypeMapping().Converter;

        public string Name { get; } = property.GetColumnName();
        public bool Generated { get; } = property.ValueGenerated != ValueGenerated.Never;

        public bool IsUnsetIn(object row) => getter.HasSentinelValueUsingContainingEntity(row);

        public object? ValueOf(object row)
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
