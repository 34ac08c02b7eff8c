namespace Sangathan.Import;

/// <summary>The data rows of a job's file, each cell keyed by the field its column holds; blank rows left out.</summary>
internal static class ImportSource
{
    public static IEnumerable<ImportRecord> Records(byte[] file, ImportJob job, ImportOptions limits)
    {
        var layout = ImportLayout.FromJson(job.Mapping!);
        var mapped = layout.Columns.Where(c => c.Field is not null).ToList();
        var headers = mapped.ToDictionary(c => c.Field!, c => c.Header);
        foreach (var row in TableReader.Read(file, limits))
        {
            if (row.Number <= layout.HeaderRow) continue;
            var values = new Dictionary<string, string>();
            foreach (var c in mapped)
                if (c.Index < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[c.Index])) values[c.Field!] = row.Cells[c.Index];
            if (values.Count > 0) yield return new ImportRecord(row.Sheet, row.Number, values, headers);
        }
    }
}
