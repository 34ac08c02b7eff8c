using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sangathan.Data;

/// <summary>
/// Statements sent together, in the caller's transaction: to PostgreSQL in one round trip (a batch), to SQLite one
/// after the other (in-process, where a round trip costs nothing). For the few hot paths where EF's queries and
/// change tracker cost more than the rows themselves.
/// </summary>
internal sealed class SqlBatch(AppDb db)
{
    readonly List<(string Text, (string Name, object? Value)[] Parameters, bool Asks)> statements = [];

    /// <summary>A statement that returns no rows.</summary>
    public SqlBatch Add(string text, params (string Name, object? Value)[] parameters)
    {
        statements.Add((text, parameters, false));
        return this;
    }

    /// <summary>A statement whose first value (or null, for no row) is among the answers, in the order asked.</summary>
    public SqlBatch Ask(string text, params (string Name, object? Value)[] parameters)
    {
        statements.Add((text, parameters, true));
        return this;
    }

    public async Task<object?[]> RunAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return connection.CanCreateBatch ? await BatchedAsync(connection, transaction, ct) : await OneByOneAsync(ct);
    }

    async Task<object?[]> BatchedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (text, parameters, _) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = text;
            foreach (var (name, value) in parameters) command.Parameters.Add(Sql.Parameter(command.CreateParameter(), name, value));
            batch.BatchCommands.Add(command);
        }
        // The reader's results are those of the statements that return rows, in order: the asked ones.
        var answers = new object?[statements.Count(s => s.Asks)];
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < answers.Length; i++)
        {
            if (await reader.ReadAsync(ct)) answers[i] = reader.IsDBNull(0) ? null : reader.GetValue(0);
            if (!await reader.NextResultAsync(ct)) break;
        }
        return answers;
    }

    async Task<object?[]> OneByOneAsync(CancellationToken ct)
    {
        var answers = new List<object?>();
        foreach (var (text, parameters, asks) in statements)
        {
            await using var command = await Sql.CommandAsync(db, text, ct);
            foreach (var (name, value) in parameters) Sql.Add(command, name, value);
            if (!asks) await command.ExecuteNonQueryAsync(ct);
            else answers.Add(await command.ExecuteScalarAsync(ct) is { } answer and not DBNull ? answer : null);
        }
        return [.. answers];
    }
}
