using System.ComponentModel.DataAnnotations;

namespace Sangathan.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"sqlite" (the embedded default) or "postgres" (production).</summary>
    [Required, RegularExpression("^(sqlite|postgres)$")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Where the SQLite file lives when no connection string is given.</summary>
    public string DataFolder { get; set; } = "data";

    public bool MigrateOnStart { get; set; } = true;
}
