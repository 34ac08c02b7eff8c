namespace Sangathan.Audit;

/// <summary>
/// One line of the audit log. Rows are only ever added, in the transaction of what they record; the sealer then
/// gives each its place in the chain and the hash of the one before it, so an entry edited or removed directly in
/// the database breaks the chain at that point.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>
    /// Position in the chain, 1, 2, 3...: given by the sealer under the chain's lock, so gaps mean removal. Empty for
    /// the moment between the entry's commit and its sealing.
    /// </summary>
    public long? Seq { get; set; }
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
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }
}

/// <summary>The chain's end: the single row a sealer locks first, so sealers on any number of servers take turns.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }
    public long Count { get; set; }
    public string LastHash { get; set; } = AuditChain.Genesis;
}
