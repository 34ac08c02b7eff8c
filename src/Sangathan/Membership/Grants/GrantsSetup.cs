using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Organization;

namespace Sangathan.Membership;

/// <summary>Authorizations to enroll: granting, revoking, and the tree of who authorized whom.</summary>
internal static class GrantsSetup
{
    public static void AddGrants(this IServiceCollection services)
    {
        services.AddScoped<GrantLineage>();
        services.AddScoped<GrantsFollowPosts>();
        services.AddScoped<GrantRights>();
        services.AddScoped<GrantNotices>();
        services.AddScoped<RevokeGrant>();
        services.AddScoped<GetGrantTree>();
        services.AddScoped<GetMyGrants>();
    }

    public static void MapGrants(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Grants");
        api.MapGet("/grants", GetTree);
        api.MapGet("/grants/mine", GetMine);
        api.MapPost("/grants", Grant);
        api.MapPost("/grants/{id:int}/revoke", Revoke);
    }

    static async Task<Results<Ok<GrantTree>, NotFound>> GetTree(int? unitId, GetGrantTree query, CancellationToken ct) =>
        await query.RunAsync(unitId, ct: ct) is { } tree ? TypedResults.Ok(tree) : TypedResults.NotFound();

    static async Task<Ok<List<MyGrant>>> GetMine(GetMyGrants query, CancellationToken ct) => TypedResults.Ok(await query.RunAsync(ct));

    static async Task<IResult> Grant(GrantInput input, GrantRights grant, CancellationToken ct) =>
        (await grant.RunAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/grants?unitId={input.UnitId}", new CreatedId(id)));

    static async Task<IResult> Revoke(int id, RevokeInput input, RevokeGrant revoke, CancellationToken ct)
    {
        var (outcome, result) = await revoke.RunAsync(id, input, ct);
        return outcome.ToHttp(_ => TypedResults.Ok(result));
    }
}
