using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Tests.Data;

/// <summary>
/// A model change without a migration would pass every other test on a fresh database and fail on a real one,
/// so each provider's migration set is checked against the model. No server is needed.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrationsCoverTheModel()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteAppDb(options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresMigrationsCoverTheModel()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=127.0.0.1;Database=unused").Options;
        using var db = new PostgresAppDb(options);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
