using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Access;
using Sangathan.Organization;

namespace Sangathan.Geography;

public static class GeographyApi
{
    public static WebApplicationBuilder AddGeography(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListConstituencies>();
        builder.Services.AddScoped<SeatRepresentative>();
        builder.Services.AddScoped<LoadConstituencies>();
        return builder;
    }

    public static void MapGeographyApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/constituencies").WithTags("Constituencies").RequireAuthorization(AccessPolicies.WarRoom);
        api.MapGet("/", List);
        api.MapPost("/{id:int}/representatives", Seat);
        api.MapPost("/load", Load).DisableAntiforgery();
    }

    static async Task<Ok<List<ConstituencyRow>>> List(ConstituencyKind? kind, ListConstituencies query, CancellationToken ct) =>
        TypedResults.Ok(await query.RunAsync(kind ?? ConstituencyKind.Assembly, ct));

    /// <summary>The official list as a .csv or .xlsx: saved whole (200) or not at all (400 with every problem by row).</summary>
    static async Task<IResult> Load(IFormFile? file, LoadConstituencies load, Microsoft.Extensions.Options.IOptions<Import.ImportOptions> options,
        CancellationToken ct)
    {
        var (content, error) = await Import.ImportApi.ReadUploadAsync(file, options.Value.MaxFileBytes, ct);
        if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error] });
        var result = await load.RunAsync(content!, ct);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    static async Task<IResult> Seat(int id, RepresentativeInput input, SeatRepresentative seat, CancellationToken ct) =>
        (await seat.RunAsync(id, input, ct)).ToHttp(r => TypedResults.Created("/api/v1/constituencies", new CreatedId(r)));
}
