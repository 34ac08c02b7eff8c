using System.Text.Json;

namespace Sangathan.Import;

/// <summary>A column of the file: where it is, its header as written, and the field it was recognized or mapped as.</summary>
public sealed record ImportColumn(int Index, string Header, string? Field);

/// <summary>How a job reads its file: the header row's number and its columns. Kept on the job as JSON.</summary>
public sealed record ImportLayout(string Sheet, int HeaderRow, IReadOnlyList<ImportColumn> Columns)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static ImportLayout FromJson(string json) => JsonSerializer.Deserialize<ImportLayout>(json)!;

    public IEnumerable<ImportColumn> Unmapped => Columns.Where(c => c.Field is null && c.Header.Length > 0 && !ImportHeaders.IsIgnored(c.Header));
}
