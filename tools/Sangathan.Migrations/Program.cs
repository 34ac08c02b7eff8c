// Adds a migration to both providers' sets, since this machine's NuGet copy has no dotnet-ef tool.
// Usage: dotnet run --project tools/Sangathan.Migrations -- <MigrationName>
// It drives EF Core's own design-time scaffolder, the same code dotnet-ef calls.
#pragma warning disable EF1001 // MigrationsScaffolder is EF's design-time API, used here as dotnet-ef uses it.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Data;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Sangathan.Migrations <MigrationName>");
    return 2;
}

var projectDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Sangathan"));
var assembly = typeof(AppDb).Assembly;
var reporter = new OperationReporter(new OperationReportHandler(
    e => Console.Error.WriteLine(e), w => Console.WriteLine(w), i => Console.WriteLine(i), v => { }));

AppDb[] contexts =
[
    new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=:memory:").Options),
    new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost").Options),
];
foreach (var db in contexts)
{
    var provider = db is SqliteAppDb ? "Sqlite" : "Postgres";
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(db);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "Sangathan", $"Data.Migrations.{provider}", "C#");
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
    db.Dispose();
}
return 0;
