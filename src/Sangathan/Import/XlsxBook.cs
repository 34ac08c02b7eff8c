using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Sangathan.Import;

/// <summary>
/// One sheet of a workbook a war room works in: a header row frozen at the top with a filter on it, column widths,
/// numbers stored as numbers (Excel sums and sorts them) and text as text (never a formula, whatever it starts with).
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<double> Widths, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>Writes workbooks of several <see cref="XlsxSheet"/>s, small enough to hold (a dashboard's tables).</summary>
public static class XlsxBook
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
            Part(zip, "_rels/.rels", RootRels);
            Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets>{string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(SheetName(s.Name))}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))}</sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(sheets.Count));
            Part(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++) Part(zip, $"xl/worksheets/sheet{i + 1}.xml", Sheet(sheets[i]));
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    static string Sheet(XlsxSheet s)
    {
        var xml = new StringBuilder(SheetStart(s.Header.Count, s.Widths));
        var n = 1;
        Row(xml, n, s.Header.Cast<object?>().ToList(), header: true);
        foreach (var row in s.Rows) Row(xml, ++n, row, header: false);
        return xml.Append(SheetEnd(s.Header.Count, n)).ToString();
    }

    /// <summary>A sheet's opening up to its data: the header row frozen, the columns' widths (12 where none is given).</summary>
    internal static string SheetStart(int columns, IReadOnlyList<double> widths)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}">""");
        xml.Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        if (columns > 0)
        {
            xml.Append("<cols>");
            for (var c = 0; c < columns; c++)
                xml.Append(CultureInfo.InvariantCulture, $"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{(c < widths.Count ? widths[c] : 12)}\" customWidth=\"1\"/>");
            xml.Append("</cols>");
        }
        return xml.Append("<sheetData>").ToString();
    }

    /// <summary>What closes a sheet of <paramref name="rows"/> rows (the header's included): a filter on the header.</summary>
    internal static string SheetEnd(int columns, int rows) => "</sheetData>"
        + (columns > 0 && rows > 0 ? string.Create(CultureInfo.InvariantCulture, $"<autoFilter ref=\"A1:{Column(columns - 1)}{rows}\"/>") : "")
        + "</worksheet>";

    internal static void Row(StringBuilder xml, int n, IReadOnlyList<object?> cells, bool header)
    {
        xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{n}\">");
        for (var c = 0; c < cells.Count; c++)
        {
            var at = $"{Column(c)}{n}";
            var style = header ? " s=\"1\"" : "";
            switch (cells[c])
            {
                case null: break;
                case int or long or double or decimal or float or short:
                    var number = Convert.ToDouble(cells[c], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
                    xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{at}\"{style}><v>{number}</v></c>");
                    break;
                case DateOnly day:
                    // A date is a number of days since 1899-12-30, shown through the date style.
                    var serial = day.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                    xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{at}\" s=\"2\"><v>{serial}</v></c>");
                    break;
                default:
                    xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{at}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">")
                        .Append(Escape(Convert.ToString(cells[c], CultureInfo.InvariantCulture))).Append("</t></is></c>");
                    break;
            }
        }
        xml.Append("</row>");
    }

    public static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    static string SheetName(string name) => new string(name.Where(c => !"[]:*?/\\".Contains(c)).ToArray()) is { Length: > 31 } s ? s[..31] : name;

    static string Escape(string? text) =>
        SecurityElement.Escape(new string((text ?? "").Where(c => c is '\t' or '\n' or '\r' || c >= ' ').ToArray()));

    static void Part(ZipArchive zip, string name, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        w.Write(xml);
    }

    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static string ContentTypes(int sheets) => """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
        + string.Concat(Enumerable.Range(1, sheets).Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        + "</Types>";

    const string RootRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    static string WorkbookRels(int sheets) => """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + string.Concat(Enumerable.Range(1, sheets).Select(i => $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        + $"<Relationship Id=\"rId{sheets + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";

    // Style 0: plain; 1: bold (the header); 2: a date (dd-mm-yyyy, as India writes it).
    internal const string Styles = """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\-mm\-yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""";
}
