using System.Data.Common;

namespace Sangathan.Bench;

/// <summary>
/// The baseline: the rows the import ends up writing (a unit, a person and an appointment per booth), inserted by
/// hand-written SQL with one prepared statement per table in a single transaction, into tables of their own.
/// </summary>
internal static class RawInsert
{
    public static async Task RunAsync(BenchDatabase database, IReadOnlyList<string[]> rows)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        var serial = database.Provider == "sqlite" ? "INTEGER PRIMARY KEY" : "SERIAL PRIMARY KEY";
        foreach (var sql in new[]
        {
            "DROP TABLE IF EXISTS raw_appointments", "DROP TABLE IF EXISTS raw_people", "DROP TABLE IF EXISTS raw_units",
            $"CREATE TABLE raw_units (id {serial}, code TEXT NOT NULL UNIQUE, name_en TEXT NOT NULL, name_hi TEXT NOT NULL, part INTEGER, parent TEXT NOT NULL)",
            $"CREATE TABLE raw_people (id {serial}, name_en TEXT NOT NULL, name_hi TEXT NOT NULL, mobile TEXT UNIQUE, voter_id TEXT UNIQUE, village TEXT, " +
                "jurisdiction TEXT, email TEXT, whatsapp TEXT, facebook TEXT, x TEXT, instagram TEXT, gender TEXT, birth TEXT)",
            $"CREATE TABLE raw_appointments (id {serial}, unit_id INTEGER NOT NULL, person_id INTEGER NOT NULL, post TEXT NOT NULL)",
        })
            await ExecuteAsync(connection, null, sql);

        await using var tx = await connection.BeginTransactionAsync();
        var unit = Prepare(connection, tx, "INSERT INTO raw_units (code, name_en, name_hi, part, parent) VALUES (@a, @b, @c, @d, @e) RETURNING id", 5);
        var person = Prepare(connection, tx, "INSERT INTO raw_people (name_en, name_hi, mobile, voter_id, village, jurisdiction, email, whatsapp, facebook, x, instagram, gender, birth) " +
            "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m) RETURNING id", 13);
        var appointment = Prepare(connection, tx, "INSERT INTO raw_appointments (unit_id, person_id, post) VALUES (@a, @b, @c)", 3);
        foreach (var r in rows)
        {
            var unitId = await RunAsync(unit, $"P{r[3]}", r[5], r[4], int.Parse(r[3]), $"{r[0]}/{r[1]}/{r[2]}");
            var personId = await RunAsync(person, [r[7], r[8], "+91" + r[9], .. r[10..]]);
            await RunAsync(appointment, unitId!, personId!, r[6]);
        }
        await tx.CommitAsync();
    }

    static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in "abcdefghijklm"[..parameters])
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            command.Parameters.Add(p);
        }
        return command;
    }

    static async Task<object?> RunAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return await command.ExecuteScalarAsync();
    }

    static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
