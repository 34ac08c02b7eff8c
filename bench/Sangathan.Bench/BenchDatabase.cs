using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sangathan.Data;
using Sangathan.Demo;

namespace Sangathan.Bench;

/// <summary>
/// The full-scale demo database of one provider, kept between runs: bench/.data/sangathan-full.db for SQLite,
/// the database sangathan_bench on the server of SANGATHAN_BENCH_PG for PostgreSQL.
/// </summary>
internal sealed class BenchDatabase
{
    const string PostgresName = "sangathan_bench";

    // The full demo has about 54,000 booths; fewer units means a small or interrupted load, not this benchmark's data.
    const int FullScaleUnits = 50_000;

    public string Provider { get; }
    public string ConnectionString { get; }

    BenchDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Label => Provider == "sqlite" ? "SQLite" : "PostgreSQL";

    public DbConnection Connect() =>
        Provider == "sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    /// <summary>An empty database for the import benchmark, made afresh each run: bench/.data/import.db or sangathan_import.</summary>
    public static async Task<BenchDatabase> OpenImportAsync(string provider, BenchOptions options)
    {
        if (provider == "sqlite")
        {
            Directory.CreateDirectory(options.DataFolder);
            var file = Path.Combine(options.DataFolder, "import.db");
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            return new BenchDatabase("sqlite", $"Data Source={file};Pooling=True");
        }
        return await OpenFreshAsync("sangathan_import");
    }

    /// <summary>An empty database of this name, made afresh each run: bench/.data/NAME.db or the PostgreSQL database NAME.</summary>
    public static async Task<BenchDatabase> OpenEmptyAsync(string provider, BenchOptions options, string name)
    {
        if (provider != "sqlite") return await OpenFreshAsync(name);
        Directory.CreateDirectory(options.DataFolder);
        var file = Path.Combine(options.DataFolder, name + ".db");
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        return new BenchDatabase("sqlite", $"Data Source={file};Pooling=True");
    }

    /// <summary>An empty PostgreSQL database of this (fixed) name, dropped and made again.</summary>
    public static async Task<BenchDatabase> OpenFreshAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable("SANGATHAN_BENCH_PG")
            ?? throw new InvalidOperationException("SANGATHAN_BENCH_PG is empty: give a PostgreSQL connection string, or use bench/run.");
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await AdminAsync(server, $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        return new BenchDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public static async Task<BenchDatabase> OpenAsync(string provider, BenchOptions options)
    {
        if (provider == "sqlite")
        {
            Directory.CreateDirectory(options.DataFolder);
            var file = Path.Combine(options.DataFolder, "sangathan-full.db");
            var sqlite = new BenchDatabase("sqlite", $"Data Source={file};Pooling=True");
            if (options.Fresh || (File.Exists(file) && await sqlite.HasForeignMigrationsAsync()))
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            }
            return sqlite;
        }

        var server = Environment.GetEnvironmentVariable("SANGATHAN_BENCH_PG");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException("SANGATHAN_BENCH_PG is empty: give a PostgreSQL connection string, or use bench/run.");
        var postgres = new BenchDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = PostgresName }.ConnectionString);
        var exists = await AdminAsync(server, $"SELECT 1 FROM pg_database WHERE datname = '{PostgresName}'") is not null;
        if (exists && (options.Fresh || await postgres.HasForeignMigrationsAsync()))
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(server, $"DROP DATABASE \"{PostgresName}\" WITH (FORCE)");
            exists = false;
        }
        if (!exists) await AdminAsync(server, $"CREATE DATABASE \"{PostgresName}\" TEMPLATE template0 ENCODING 'UTF8'");
        return postgres;
    }

    /// <summary>
    /// True when the database has a migration the app no longer has (migrations squashed or renamed while the app is
    /// young): such a database cannot be migrated, and being the bench's own copy of the demo, it is loaded afresh.
    /// </summary>
    async Task<bool> HasForeignMigrationsAsync()
    {
        await using AppDb db = Provider == "sqlite"
            ? new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite(ConnectionString).Options)
            : new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(ConnectionString).Options);
        var known = db.Database.GetMigrations().ToHashSet();
        var foreign = (await db.Database.GetAppliedMigrationsAsync()).Where(m => !known.Contains(m)).ToList();
        if (foreign.Count > 0)
            Console.WriteLine($"The {Label} bench database has migrations the app no longer has ({string.Join(", ", foreign)}): loading it afresh.");
        return foreign.Count > 0;
    }

    /// <summary>The same database with a command timeout long enough for bulk loads (minutes, not the default 30 s).</summary>
    public BenchDatabase Patient() => Provider == "postgres"
        ? new BenchDatabase(Provider, new NpgsqlConnectionStringBuilder(ConnectionString) { CommandTimeout = 3600 }.ConnectionString)
        : this;

    /// <summary>Loads the full demo unless the database has it already (migrations and levels run as the app starts).</summary>
    public async Task PrepareAsync(ILoggerFactory logging)
    {
        // Loading takes minutes; the recount at its end is one long statement.
        var loading = Provider == "postgres"
            ? new BenchDatabase(Provider, new NpgsqlConnectionStringBuilder(ConnectionString) { CommandTimeout = 1800 }.ConnectionString)
            : this;
        await using var host = new BenchServer(loading);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var units = await db.Units.CountAsync();
        if (units >= FullScaleUnits)
        {
            // A demo loaded before names had search words gets them now, before anything is timed.
            var clock0 = Stopwatch.StartNew();
            if (await Sangathan.Search.NameIndex.BackfillAsync(db, CancellationToken.None, batch: 50_000) is var indexed and > 0)
                Console.WriteLine($"Name words for {indexed:N0} people and members of the {Label} bench database in {clock0.Elapsed.TotalSeconds:0} s.");
            return;
        }
        if (units > 0)
            throw new InvalidOperationException($"The {Label} bench database has {units} units, not the full demo: run with --fresh.");
        Console.WriteLine($"Loading the full demo into {Label} (a few minutes, once)...");
        var clock = Stopwatch.StartNew();
        await DemoSeeder.SeedAsync(db, DemoScale.Full, logging.CreateLogger("Sangathan.Demo"), CancellationToken.None);
        Console.WriteLine($"Loaded in {clock.Elapsed.TotalSeconds:0} s.");
    }

    public async Task<string> VersionAsync()
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (Provider == "sqlite")
        {
            command.CommandText = "SELECT sqlite_version()";
            return $"SQLite {await command.ExecuteScalarAsync()} (Microsoft.Data.Sqlite, file in WAL mode)";
        }
        command.CommandText = "SELECT current_setting('server_version'), current_setting('shared_buffers'), current_setting('work_mem')";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)} (shared_buffers {reader.GetString(1)}, work_mem {reader.GetString(2)}, over TCP on 127.0.0.1)";
    }

    static async Task<object?> AdminAsync(string server, string sql)
    {
        // The maintenance database, never the one being created or dropped; only fixed names are spliced in.
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
