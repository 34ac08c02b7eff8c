using System.Text;

namespace Sangathan.Import;

/// <summary>RFC 4180 CSV (quotes, quoted line breaks), with the delimiter taken from the first line: comma, semicolon or tab.</summary>
internal static class CsvTable
{
    public static IEnumerable<TableRow> Read(string text, ImportOptions limits)
    {
        var delimiter = Delimiter(text);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                yield return new TableRow("CSV", number++, cells.ToArray());
                cells.Clear();
            }
            else cell.Append(c);
            if (cell.Length > limits.MaxCellChars)
                throw new ImportFileException("Row {0} has a cell longer than {1} characters.", number.ToString(), limits.MaxCellChars.ToString());
            if (cells.Count > limits.MaxColumns)
                throw new ImportFileException("Row {0} has more than {1} columns.", number.ToString(), limits.MaxColumns.ToString());
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new TableRow("CSV", number, cells.ToArray());
        }
    }

    static char Delimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        var lines = text.Length > 20_000 ? text[..20_000] : text;
        // Title rows may have no delimiters at all, so count over the first lines, not just the first.
        return new[] { ',', ';', '\t' }.MaxBy(d => lines.Count(c => c == d) + first.Count(c => c == d));
    }
}
