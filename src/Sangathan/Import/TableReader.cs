using System.Text;

namespace Sangathan.Import;

/// <summary>
/// Reads the rows of an .xlsx or .csv file one at a time. What a file is comes from its first bytes, never from
/// its name: a PDF renamed .xlsx is told so.
/// </summary>
public static class TableReader
{
    public static IEnumerable<TableRow> Read(byte[] file, ImportOptions limits)
    {
        if (file.Length == 0) throw new ImportFileException("The file is empty.");
        if (file.Length > limits.MaxFileBytes)
            throw new ImportFileException("The file is too large: at most {0} MB.", (limits.MaxFileBytes / 1024 / 1024).ToString());
        var rows = Starts(file, "PK\u0003\u0004"u8) ? XlsxTable.Read(file, limits)
            : Starts(file, [0xD0, 0xCF, 0x11, 0xE0]) ? throw new ImportFileException("This is an old Excel (.xls) file: save it as .xlsx and upload it again.")
            : Starts(file, "%PDF"u8) ? throw new ImportFileException("This is a PDF, not an Excel (.xlsx) or CSV file.")
            : CsvTable.Read(Decode(file), limits);
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > limits.MaxRows + 50)
                throw new ImportFileException("The file has too many rows: at most {0}.", limits.MaxRows.ToString());
            yield return row;
        }
    }

    static bool Starts(byte[] file, ReadOnlySpan<byte> magic) => file.AsSpan().StartsWith(magic);

    /// <summary>UTF-8 with or without BOM, or UTF-16 as Excel saves "Unicode text"; anything else is refused, not guessed.</summary>
    static string Decode(byte[] file)
    {
        if (Starts(file, [0xFF, 0xFE])) return Encoding.Unicode.GetString(file, 2, file.Length - 2);
        if (Starts(file, [0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(file, 2, file.Length - 2);
        var offset = Starts(file, [0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (offset == 0 && LooksLikeUtf16(file))
            throw new ImportFileException("The file is UTF-16 text without its byte order mark: in Excel choose Save As, \"CSV UTF-8\", and upload it again.");
        if (Array.IndexOf(file, (byte)0, offset, Math.Min(file.Length - offset, 4096)) >= 0)
            throw new ImportFileException("This is not an Excel (.xlsx) or CSV file.");
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file, offset, file.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException("The CSV file is not in UTF-8: in Excel choose Save As, \"CSV UTF-8\", and upload it again.");
        }
    }

    /// <summary>
    /// UTF-16 puts a zero beside every Latin letter, digit and comma, always on the same side; Devanagari has no zero
    /// bytes. A binary file has its zeros on both sides. Told apart so the uploader hears what to do, not "not a CSV".
    /// </summary>
    static bool LooksLikeUtf16(byte[] file)
    {
        var sample = Math.Min(file.Length, 4096) & ~1;
        int even = 0, odd = 0;
        for (var i = 0; i < sample; i++)
            if (file[i] == 0) { if (i % 2 == 0) even++; else odd++; }
        var pairs = sample / 2;
        return pairs > 0 && Math.Max(even, odd) >= pairs / 4 && Math.Min(even, odd) == 0;
    }
}
