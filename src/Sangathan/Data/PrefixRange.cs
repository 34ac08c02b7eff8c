namespace Sangathan.Data;

/// <summary>
/// "Starts with" as a range on an indexed text column: every text that starts with "ab" sorts at or after "ab" and
/// before "ab\uffff". Keys and paths are compared byte by byte ("C" on PostgreSQL, BINARY on SQLite), so the range is
/// one index seek on both databases, where LIKE 'ab%' is one only under particular collations.
/// </summary>
public static class PrefixRange
{
    /// <summary>The range's upper bound (exclusive) for texts starting with <paramref name="prefix"/>.</summary>
    public static string End(string prefix) => prefix + "\uffff";
}
