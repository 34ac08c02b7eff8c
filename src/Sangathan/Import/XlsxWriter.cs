using System.IO.Compression;
using System.Security;
using System.Text;

namespace Sangathan.Import;

/// <summary>
/// Writes a one-sheet .xlsx with every cell as text, row by row into the zip, so a report of 54,000 rows is
/// never held whole. Text cells are never formulas, whatever they start with.
/// </summary>
public static class XlsxWriter
{
    public static async Task WriteAsync(Stream output, string sheet, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default)
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
                    var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
                    await using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                    await w.WriteAsync($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>""");
                    var n = 0;
                    await foreach (var row in rows.WithCancellation(ct))
                    {
                        n++;
                        var line = new StringBuilder($"<row r=\"{n}\">");
                        foreach (var cell in row)
                            line.Append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">").Append(Escape(cell)).Append("</t></is></c>");
                        line.Append("</row>");
                        await w.WriteAsync(line.ToString());
                    }
                    await w.WriteAsync("</sheetData></worksheet>");
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

    // XML 1.0 cannot hold most control characters even escaped; they are dropped.
    static string Escape(string? text) =>
        SecurityElement.Escape(new string((text ?? "").Where(c => c is '\t' or '\n' or '\r' || c >= ' ').ToArray()));

    static void Part(ZipArchive zip, string name, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        w.Write(xml);
    }

    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string ContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";
    const string RootRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
    const string WorkbookRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""";
}
