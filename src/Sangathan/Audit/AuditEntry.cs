namespace Sangathan.Audit;

/// <summary>
/// One line of the audit log. Rows are only ever added; each carries the hash of the one before it, so
/// an entry edited or removed directly in the database breaks the chain at that point.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1, 2, 3...: assigned under the chain's lock, so gaps mean removal.</summary>
    public long Seq { get; set; }
    /// <summary>UTC; a DateTime because SQLite cannot compare DateTimeOffset values in a query.</summary>
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public string? Ip { get; set; }
    public required string Action { get; set; }
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The single row every appender updates first, so appends from any number of servers queue up.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }
    public long Count { get; set; }
    public string LastHash { get; set; } = AuditChain.Genesis;
}
