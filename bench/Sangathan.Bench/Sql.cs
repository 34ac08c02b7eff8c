using System.Data;
using System.Data.Common;

namespace Sangathan.Bench;

/// <summary>Plain ADO.NET on either provider: both take "@name" parameters and several statements in one command.</summary>
internal static class Sql
{
    public static DbCommand Command(this DbConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.DbType = value is string ? DbType.String : DbType.Int32;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>"@x0, @x1, ..." for an IN list, with its parameters.</summary>
    public static (string List, (string, object?)[] Parameters) InList(string prefix, IReadOnlyList<int> ids) =>
        (string.Join(", ", ids.Select((_, i) => $"@{prefix}{i}")), ids.Select((id, i) => ($"{prefix}{i}", (object?)id)).ToArray());

    /// <summary>Reads every value of every row of every result, as a page would; returns the row count.</summary>
    public static async Task<int> ReadAllAsync(this DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
                rows++;
            }
        } while (await reader.NextResultAsync());
        return rows;
    }

    public static async Task<List<T>> ListAsync<T>(this DbConnection connection, string text, Func<DbDataReader, T> read,
        params (string, object?)[] parameters)
    {
        await using var command = connection.Command(text, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }

    public static int? IntOrNull(this DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i));
}
