using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Import;

namespace Sangathan.Export;

/// <summary>
/// Downloads of a unit and everything under it: office bearers, vacancies and completeness as .xlsx or .csv, and
/// office bearers' contacts as vCards. The same handler answers the API (bearer token) and the unit page's links
/// (session cookie). Every download is written to the audit log before its first byte goes out.
/// </summary>
public static class ExportApi
{
    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportRows>();
        return builder;
    }

    public static void MapExportApi(this WebApplication app)
    {
        app.MapGet("/api/v1/units/{id:int}/export/{file}", Download).WithTags("Export")
            .WithDescription("file: " + string.Join(", ", ExportFile.Names));
        app.MapGet("/units/{id:int}/export/{file}", Download).ExcludeFromDescription();
    }

    static async Task<IResult> Download(int id, string file, AppDb db, Door door, ExportRows rows, AuditLog audit,
        HttpContext http, CancellationToken ct)
    {
        var opened = await door.UnitAsync(id, Operations.Export, ct);
        if (opened.Missing || ExportFile.Parse(file) is not { } wanted) return TypedResults.NotFound();
        if (opened.Refused) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Code, u.Path }).FirstAsync(ct);

        await audit.RecordAsync(new AuditDraft("export", "Unit", id.ToString(CultureInfo.InvariantCulture),
            After: JsonSerializer.Serialize(new { unit = unit.Code, file })), ct);

        var name = $"{unit.Code}-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{file}";
        http.Response.ContentType = wanted.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        var body = http.Response.Body;
        switch (wanted)
        {
            case { Format: ExportFormat.VCard }:
                await VCardWriter.WriteAsync(body, rows.ContactsAsync(unit.Path, ct), ct);
                break;
            case { Format: ExportFormat.Csv }:
                await CsvWriter.WriteAsync(body, Table(rows, wanted.Kind, unit.Path, await rows.PlacesAsync(unit.Path, ct), ct), ct);
                break;
            default:
                var places = await rows.PlacesAsync(unit.Path, ct);
                await XlsxWriter.WriteAsync(body, wanted.Kind.ToString(), Table(rows, wanted.Kind, unit.Path, places, ct),
                    ExportRows.Widths(wanted.Kind, places), ct);
                break;
        }
        return TypedResults.Empty;
    }

    static IAsyncEnumerable<IReadOnlyList<object?>> Table(ExportRows rows, ExportKind kind, string path, ExportRows.Places places, CancellationToken ct) => kind switch
    {
        ExportKind.OfficeBearers => rows.OfficeBearersAsync(path, places, ct),
        ExportKind.Vacancies => rows.VacanciesAsync(path, places, ct),
        _ => rows.CompletenessAsync(path, places, ct),
    };
}
