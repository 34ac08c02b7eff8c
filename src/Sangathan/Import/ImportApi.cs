using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sangathan.Organization;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Import;

public static class ImportApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddScoped<StartImport>();
        builder.Services.AddScoped<GetImport>();
        builder.Services.AddScoped<DecideImport>();
        builder.Services.AddScoped<ImportRun>();
        builder.Services.AddScoped<ImportReport>();
        builder.Services.AddScoped<ImportTemplate>();
        return builder;
    }

    public static void MapImportApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/imports").WithTags("Import");
        api.MapPost("/", Upload).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(ImportOptions.MaxUploadRequestBytes));
        api.MapGet("/{id:int}", Get);
        api.MapPut("/{id:int}/mapping", Map);
        api.MapPost("/{id:int}/commit", Commit);
        api.MapGet("/{id:int}/report.xlsx", Report);
        api.MapGet("/templates/{kind}.xlsx", Template);
        // The same files for the import pages' links: a page carries the session as a cookie, which the API refuses.
        app.MapGet("/imports/{id:int}/report.xlsx", Report).ExcludeFromDescription();
        app.MapGet("/imports/templates/{kind}.xlsx", Template).ExcludeFromDescription();
    }

    /// <summary>Reads an upload whole (it is kept for the background check), refusing it past the size limit.</summary>
    internal static async Task<(byte[]? Content, string? Error)> ReadUploadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null) return (null, T("Choose an .xlsx or .csv file."));
        if (file.Length == 0) return (null, T("The file is empty."));
        if (file.Length > maxBytes) return (null, T("The file is too large: at most {0} MB.", (maxBytes / 1024 / 1024).ToString()));
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }

    static async Task<IResult> Upload(IFormFile? file, StartImport start, Microsoft.Extensions.Options.IOptions<ImportOptions> options, CancellationToken ct)
    {
        var (content, error) = await ReadUploadAsync(file, options.Value.MaxFileBytes, ct);
        if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error] });
        return (await start.RunAsync(file!.FileName, content!, ct)).ToHttp(id => TypedResults.Created($"/api/v1/imports/{id}", new CreatedId(id)));
    }

    static async Task<Results<Ok<ImportView>, NotFound>> Get(int id, RowOutcome? outcome, int? page, GetImport query, CancellationToken ct) =>
        await query.RunAsync(id, outcome, page ?? 1, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    static async Task<IResult> Map(int id, MappingInput input, DecideImport decide, CancellationToken ct) =>
        // JSON without "columns" binds to a null dictionary: the client's omission, not something to map.
        input.Columns is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["columns"] = [T("Say which field each column holds.")] })
            : (await decide.MapAsync(id, input, ct)).ToHttp(_ => TypedResults.Accepted($"/api/v1/imports/{id}", new CreatedId(id)));

    static async Task<IResult> Commit(int id, CommitInput input, DecideImport decide, CancellationToken ct) =>
        (await decide.CommitAsync(id, input, ct)).ToHttp(_ => TypedResults.Accepted($"/api/v1/imports/{id}", new CreatedId(id)));

    static async Task Report(int id, ImportReport report, HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = XlsxType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{id}-report.xlsx\"";
        using var buffer = new MemoryStream();
        if (!await report.WriteAsync(id, buffer, ct))
        {
            http.Response.Headers.ContentDisposition = default;
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    static async Task<IResult> Template(string kind, ImportTemplate template, HttpContext http, CancellationToken ct)
    {
        if (!Enum.TryParse<TemplateKind>(kind, ignoreCase: true, out var k) || int.TryParse(kind, out _)) return TypedResults.NotFound();
        using var buffer = new MemoryStream();
        await template.WriteAsync(k, buffer, ct);
        return TypedResults.File(buffer.ToArray(), XlsxType, $"sangathan-{k.ToString().ToLowerInvariant()}.xlsx");
    }
}
