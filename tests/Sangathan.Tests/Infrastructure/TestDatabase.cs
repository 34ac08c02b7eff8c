using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// A database of its own for one app instance, on the provider named by SANGATHAN_TEST_DB ("sqlite" when unset,
/// so a plain `dotnet test` works): a temp SQLite file, or a fresh database on the server of SANGATHAN_TEST_PG.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    readonly string? sqliteFolder;
    readonly string? postgresName;
    bool dropped;

    TestDatabase(string provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFolder = sqliteFolder;
        this.postgresName = postgresName;
    }

    public static string ProviderUnderTest =>
        Environment.GetEnvironmentVariable("SANGATHAN_TEST_DB") is { Length: > 0 } name ? name : "sqlite";

    public static TestDatabase Create() => ProviderUnderTest switch
    {
        "sqlite" => CreateSqlite(),
        "postgres" => CreatePostgres(),
        var other => throw new InvalidOperationException($"SANGATHAN_TEST_DB must be sqlite or postgres, not '{other}'."),
    };

    static TestDatabase CreateSqlite()
    {
        // Spelled out: the app's Directory feature folder may become a Sangathan.Directory namespace.
        var folder = System.IO.Directory.CreateTempSubdirectory("sangathan-test-").FullName;
        var file = Path.Combine(folder, "sangathan.db");
        return new("sqlite", $"Data Source={file};Pooling=True", folder, null);
    }

    static TestDatabase CreatePostgres()
    {
        var server = Environment.GetEnvironmentVariable("SANGATHAN_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException("SANGATHAN_TEST_DB is postgres but SANGATHAN_TEST_PG (a connection string) is empty.");
        var name = $"sangathan_t_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new("postgres", connection, null, name);
    }

    public void Dispose()
    {
        if (dropped) return;
        dropped = true;
        if (sqliteFolder is not null)
        {
            // Pooled connections keep the file open; release them before deleting it.
            using (var pooled = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(pooled);
            System.IO.Directory.Delete(sqliteFolder, recursive: true);
        }
        if (postgresName is not null)
        {
            using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
            Execute(Environment.GetEnvironmentVariable("SANGATHAN_TEST_PG")!, $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
        }
    }

    static void Execute(string server, string sql)
    {
        // The maintenance database, not the one being created or dropped.
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
