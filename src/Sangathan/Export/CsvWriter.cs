using System.Text;

namespace Sangathan.Export;

/// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark (without it Excel shows Hindi as mojibake), row by row.</summary>
public static class CsvWriter
{
    public static Task<int> WriteAsync(Stream output, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct) =>
        WriteAsync(output, rows.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()), ct);

    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(true), 16 * 1024, leaveOpen: true);
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await w.WriteAsync(string.Join(',', row.Select(c => Field(ExportCell.Text(c)))) + "\r\n");
            n++;
        }
        return n;
    }

    static string Field(string? value)
    {
        var safe = ExportCell.Safe(value);
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
