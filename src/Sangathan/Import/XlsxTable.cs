using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Sangathan.Import;

/// <summary>
/// Streams the first worksheet of an .xlsx (Office Open XML: a zip of XML parts) with an XmlReader, so a
/// 54,000-row sheet is never held whole. Sizes are checked before unpacking and counted while unpacking,
/// since a zip bomb's declared sizes can lie.
/// </summary>
internal static class XlsxTable
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static IEnumerable<TableRow> Read(byte[] file, ImportOptions limits)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read); }
        catch (InvalidDataException) { throw Damaged(); }
        using (zip)
        {
            Guard(zip, limits);
            var sheetPath = FirstSheetPath(zip);
            var shared = SharedStrings(zip, limits);
            var entry = zip.GetEntry(sheetPath) ?? throw Damaged();
            foreach (var row in Rows(entry, shared, limits)) yield return row;
        }
    }

    static ImportFileException Damaged() =>
        new ImportFileException("The Excel file is damaged or incomplete: open it in Excel, save it again and upload it.");

    static void Guard(ZipArchive zip, ImportOptions limits)
    {
        if (zip.Entries.Count > 10_000) throw new ImportFileException("The Excel file is not a normal spreadsheet: it holds too many parts.");
        long total = 0;
        foreach (var e in zip.Entries)
        {
            total += e.Length;
            if (e.Length > 1024 * 1024 && e.CompressedLength > 0 && e.Length / e.CompressedLength > limits.MaxCompressionRatio)
                throw new ImportFileException("The Excel file unpacks to far more than its size (a \"zip bomb\"), so it was not opened.");
        }
        if (total > limits.MaxUnpackedBytes)
            throw new ImportFileException("The Excel file unpacks to more than {0} MB, so it was not opened.", (limits.MaxUnpackedBytes / 1024 / 1024).ToString());
    }

    static XmlReader Open(ZipArchiveEntry entry, ImportOptions limits)
    {
        Stream stream;
        try { stream = new CountingStream(entry.Open(), Math.Min(limits.MaxUnpackedBytes, entry.Length + 1)); }
        catch (InvalidDataException) { throw Damaged(); }
        return XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });
    }

    static string FirstSheetPath(ZipArchive zip)
    {
        string? relId = null;
        using (var r = Open(zip.GetEntry("xl/workbook.xml") ?? throw Damaged(), new ImportOptions()))
            while (Safe(r.Read))
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet")
                {
                    relId = r.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    break;
                }
        if (relId is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels) return "xl/worksheets/sheet1.xml";
        using var rr = Open(rels, new ImportOptions());
        while (Safe(rr.Read))
            if (rr.NodeType == XmlNodeType.Element && rr.LocalName == "Relationship" && rr.GetAttribute("Id") == relId)
            {
                var target = rr.GetAttribute("Target") ?? "";
                return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        return "xl/worksheets/sheet1.xml";
    }

    static List<string> SharedStrings(ZipArchive zip, ImportOptions limits)
    {
        var list = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry) return list;
        using var r = Open(entry, limits);
        while (Safe(r.Read))
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "si")
                list.Add(Text(r, limits));
        return list;
    }

    /// <summary>
    /// The text of the element the reader is on (an &lt;si&gt; or a &lt;c&gt;): its &lt;t&gt; runs or its &lt;v&gt;, phonetic
    /// hints left out. Read through a subtree reader, which leaves the outer reader on the element's end.
    /// </summary>
    static string Text(XmlReader r, ImportOptions limits)
    {
        if (r.IsEmptyElement) return "";
        var text = new System.Text.StringBuilder();
        using var sub = r.ReadSubtree();
        string? inside = null;
        var phonetic = false;
        while (Safe(sub.Read))
        {
            switch (sub.NodeType)
            {
                case XmlNodeType.Element when sub.LocalName == "rPh": phonetic = !sub.IsEmptyElement; break;
                case XmlNodeType.EndElement when sub.LocalName == "rPh": phonetic = false; break;
                case XmlNodeType.Element: inside = sub.IsEmptyElement ? null : sub.LocalName; break;
                case XmlNodeType.EndElement: inside = null; break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                    when !phonetic && inside is "t" or "v":
                    text.Append(sub.Value);
                    if (text.Length > limits.MaxCellChars)
                        throw new ImportFileException("A cell is longer than {0} characters.", limits.MaxCellChars.ToString());
                    break;
            }
        }
        return text.ToString();
    }

    static IEnumerable<TableRow> Rows(ZipArchiveEntry entry, List<string> shared, ImportOptions limits)
    {
        using var r = Open(entry, limits);
        var sheet = "Sheet1";
        var expected = 1;
        while (Safe(r.Read))
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "row" || r.NamespaceURI != Main) continue;
            var number = int.TryParse(r.GetAttribute("r"), out var n) ? n : expected;
            expected = number + 1;
            var cells = new List<string>();
            if (!r.IsEmptyElement)
            {
                var depth = r.Depth;
                while (Safe(r.Read) && r.Depth > depth)
                {
                    if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
                    var column = Column(r.GetAttribute("r")) ?? cells.Count;
                    if (column >= limits.MaxColumns)
                        throw new ImportFileException("Row {0} has more than {1} columns.", number.ToString(), limits.MaxColumns.ToString());
                    var value = Cell(r, shared, limits);
                    while (cells.Count < column) cells.Add("");
                    cells.Add(value);
                }
            }
            yield return new TableRow(sheet, number, cells);
        }
    }

    static string Cell(XmlReader r, List<string> shared, ImportOptions limits)
    {
        var type = r.GetAttribute("t");
        var value = Text(r, limits);
        return type switch
        {
            "s" => int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? shared[i] : throw Damaged(),
            "b" => value == "1" ? "TRUE" : "FALSE",
            "str" or "inlineStr" or "e" => value,
            _ => Number(value),
        };
    }

    /// <summary>A number as its digits: 9829012345 stays 9829012345, never 9.829E+09.</summary>
    static string Number(string value) =>
        value.Contains('E', StringComparison.OrdinalIgnoreCase)
        && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture) : value;

    static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            n = n * 26 + (c - 'A' + 1);
        }
        return n == 0 ? null : n - 1;
    }

    static T Safe<T>(Func<T> read)
    {
        try { return read(); }
        catch (Exception e) when (e is XmlException or InvalidDataException or EndOfStreamException) { throw Damaged(); }
    }
}
