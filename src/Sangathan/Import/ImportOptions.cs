namespace Sangathan.Import;

/// <summary>Limits that keep one bad or hostile file from taking the server down ("Import" in configuration).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    public long MaxFileBytes { get; set; } = 40 * 1024 * 1024;

    /// <summary>
    /// What one upload request may carry: above the file limit, so that a file a little too large still arrives and
    /// gets the message naming the limit rather than the server's bare 413 (30 MB by default).
    /// </summary>
    public const long MaxUploadRequestBytes = 64 * 1024 * 1024;
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Excel itself holds at most 32,767 characters in a cell.</summary>
    public int MaxCellChars { get; set; } = 32_767;
    public int MaxColumns { get; set; } = 200;

    /// <summary>What an .xlsx may unpack to; a zip bomb claims little and unpacks to gigabytes.</summary>
    public long MaxUnpackedBytes { get; set; } = 600L * 1024 * 1024;
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>How long one check or commit may run before it is stopped ("00:30:00"); a commit stopped so keeps its whole chunks.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>A file that cannot be read at all, with a message for its uploader (an English template and its arguments).</summary>
public sealed class ImportFileException(string message, params string[] args) : Exception(message)
{
    public string[] Args { get; } = args;
}

/// <summary>A row as the file has it: its sheet, its number as Excel shows it, and its cells' text.</summary>
public sealed record TableRow(string Sheet, int Number, IReadOnlyList<string> Cells);
