using System.IO.Compression;
using System.Security;
using System.Text;

namespace Sangathan.Import;

/// <summary>
/// Writes a one-sheet .xlsx row by row into the zip, so a report of 54,000 rows is never held whole. The first row is
/// the header: bold, frozen at the top, with a filter on it. Numbers and dates are stored as such (Excel sums and
/// sorts them), everything else as text, never as a formula, whatever it starts with. Cells are written as
/// <see cref="XlsxBook"/> writes them.
/// </summary>
public static class XlsxWriter
{
    public static Task WriteAsync(Stream output, string sheet, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        WriteAsync(output, sheet, rows.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()), null, ct);

    /// <param name="widths">Each column's width in characters; without them, a width fitted to the header.</param>
    public static async Task WriteAsync(Stream output, string sheet, IAsyncEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<double>? widths,
        CancellationToken ct = default)
    {
        // ZipArchive needs a seekable stream or a synchronous writer; a response body is neither, so it writes to a buffer file.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    Part(zip, "[Content_Types].xml", ContentTypes);
                    Part(zip, "_rels/.rels", RootRels);
                    Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="{SecurityElement.Escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
                    Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
                    Part(zip, "xl/styles.xml", XlsxBook.Styles);
                    var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
                    await using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                    var n = 0;
                    var columns = 0;
                    await foreach (var row in rows.WithCancellation(ct))
                    {
                        if (n == 0)
                        {
                            columns = row.Count;
                            await w.WriteAsync(XlsxBook.SheetStart(columns, widths ?? row.Select(Fit).ToList()));
                        }
                        var line = new StringBuilder();
                        XlsxBook.Row(line, ++n, row, header: n == 1);
                        await w.WriteAsync(line.ToString());
                    }
                    if (n == 0) await w.WriteAsync(XlsxBook.SheetStart(0, []));
                    await w.WriteAsync(XlsxBook.SheetEnd(columns, n));
                }
                file.Position = 0;
                await file.CopyToAsync(output, ct);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A header's own width and room for the filter's button, within reason.</summary>
    static double Fit(object? header) => Math.Clamp((Convert.ToString(header, System.Globalization.CultureInfo.InvariantCulture)?.Length ?? 0) + 5, 10, 40);

    static void Part(ZipArchive zip, string name, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        w.Write(xml);
    }

    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";
    const string RootRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
    const string WorkbookRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";
}
