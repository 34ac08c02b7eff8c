using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Access;

namespace Sangathan.Organization;

/// <summary>Re-cuts of booths (the war room's), and the tree as it stood on a past date (anyone who reads the unit).</summary>
public static class RecutsApi
{
    public static IServiceCollection AddRecuts(this IServiceCollection services) => services
        .AddScoped<RecutWork>().AddScoped<SplitBooth>().AddScoped<MergeBooths>().AddScoped<RenumberBooths>().AddScoped<MoveUnit>()
        .AddScoped<RevertRecut>().AddScoped<ListRecuts>().AddScoped<TreeOn>().AddScoped<BoothForRecut>();

    public static void MapRecuts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Re-cuts");
        var warRoom = api.MapGroup("").RequireAuthorization(AccessPolicies.WarRoom);
        warRoom.MapPost("/units/{id:int}/split", async (int id, SplitInput input, SplitBooth split, CancellationToken ct) =>
            (await split.RunAsync(id, input, ct)).ToHttp(Created));
        warRoom.MapPost("/units/{id:int}/merge", async (int id, MergeInput input, MergeBooths merge, CancellationToken ct) =>
            (await merge.RunAsync(id, input, ct)).ToHttp(Created));
        warRoom.MapPost("/units/{id:int}/move", async (int id, MoveInput input, MoveUnit move, CancellationToken ct) =>
            (await move.RunAsync(id, input, ct)).ToHttp(Created));
        warRoom.MapPost("/recuts/renumber", async (RenumberInput input, RenumberBooths renumber, CancellationToken ct) =>
            (await renumber.RunAsync(input, ct)).ToHttp(Created));
        warRoom.MapGet("/recuts", async Task<Ok<IReadOnlyList<RecutRow>>> (int? page, ListRecuts list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(page ?? 1, ct)));
        warRoom.MapPost("/recuts/{id:int}/revert", async (int id, RevertInput input, RevertRecut revert, CancellationToken ct) =>
            (await revert.RunAsync(id, input, ct)).ToHttp(id => TypedResults.Ok(new CreatedId(id))));
        api.MapGet("/units/{id:int}/on/{date}", async Task<Results<Ok<UnitOn>, NotFound>> (int id, DateOnly date, TreeOn tree, CancellationToken ct) =>
            await tree.RunAsync(id, date, ct) is { } on ? TypedResults.Ok(on) : TypedResults.NotFound());
    }

    static IResult Created(int recutId) => TypedResults.Created($"/api/v1/recuts/{recutId}", new CreatedId(recutId));
}
