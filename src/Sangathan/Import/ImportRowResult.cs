namespace Sangathan.Import;

public enum RowOutcome { Create = 1, Update = 2, Unchanged = 3, Reject = 4, Duplicate = 5 }

/// <summary>What a row of the file would do (the check) and what it did (the commit), with its problems.</summary>
public sealed class ImportRowResult
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public required string Sheet { get; set; }
    public int Number { get; set; }
    public RowOutcome Planned { get; set; }
    public RowOutcome? Done { get; set; }

    /// <summary>What the row is about ("Booth 12 Jaipur: President Ram Lal"), for the report.</summary>
    public string? Summary { get; set; }

    /// <summary>The problems as JSON (<see cref="RowProblem"/>), kept as English templates and translated when shown.</summary>
    public string? Problems { get; set; }

    /// <summary>For a duplicate: true once the user chose to import it anyway.</summary>
    public bool Include { get; set; }
}

/// <summary>
/// One problem of one cell: the column as the file names it, the value, and the message template with its arguments;
/// ArgsHi when an argument has its own Hindi (a level's name), for the report read in Hindi. A note does not stop
/// the row: it says what the import read or chose for it (a unit name read as one on record).
/// </summary>
public sealed record RowProblem(string Column, string? Value, string Message, string[]? Args = null, string[]? ArgsHi = null, bool Note = false);
