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
        return builder;
    }

    public static void MapGeographyApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/constituencies").WithTags("Constituencies").RequireAuthorization(AccessPolicies.WarRoom);
        api.MapGet("/", List);
        api.MapPost("/{id:int}/representatives", Seat);
    }

    static async Task<Ok<List<ConstituencyRow>>> List(ConstituencyKind? kind, ListConstituencies query, CancellationToken ct) =>
        TypedResults.Ok(await query.RunAsync(kind ?? ConstituencyKind.Assembly, ct));

    static async Task<IResult> Seat(int id, RepresentativeInput input, SeatRepresentative seat, CancellationToken ct) =>
        (await seat.RunAsync(id, input, ct)).ToHttp(r => TypedResults.Created("/api/v1/constituencies", new CreatedId(r)));
}
