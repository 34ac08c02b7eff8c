using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Access;

namespace Sangathan.Organization;

public sealed record RetireInput(string? Reason);

/// <summary>The state administrator's edits of levels and posts (GET /api/v1/levels, open to all signed in, reads them).</summary>
public static class StructureApi
{
    public static IServiceCollection AddStructure(this IServiceCollection services) => services
        .AddScoped<SavePost>().AddScoped<RetirePost>().AddScoped<SaveLevel>().AddScoped<StructureHistory>();

    public static void MapStructure(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Levels and posts").RequireAuthorization(AccessPolicies.Admin);
        api.MapPost("/levels", AddLevel);
        api.MapPut("/levels/{id:int}", RenameLevel);
        api.MapPost("/levels/{id:int}/posts", AddPost);
        api.MapPut("/posts/{id:int}", ChangePost);
        api.MapPost("/posts/{id:int}/retire", Retire);
        api.MapPost("/posts/{id:int}/restore", Restore);
        api.MapGet("/levels/history", History);
    }

    static async Task<IResult> AddLevel(LevelInput input, SaveLevel save, CancellationToken ct) =>
        (await save.AddAsync(input, ct)).ToHttp(id => TypedResults.Created("/api/v1/levels", new CreatedId(id)));

    static async Task<IResult> RenameLevel(int id, LevelInput input, SaveLevel save, CancellationToken ct) =>
        (await save.RenameAsync(id, input, ct)).ToHttp(id => TypedResults.Ok(new CreatedId(id)));

    static async Task<IResult> AddPost(int id, PostInput input, SavePost save, CancellationToken ct) =>
        (await save.AddAsync(id, input, ct)).ToHttp(post => TypedResults.Created("/api/v1/levels", new CreatedId(post)));

    static async Task<IResult> ChangePost(int id, PostInput input, SavePost save, CancellationToken ct) =>
        (await save.ChangeAsync(id, input, ct)).ToHttp(id => TypedResults.Ok(new CreatedId(id)));

    /// <summary>Answers how many appointments the retirement ended.</summary>
    static async Task<IResult> Retire(int id, RetireInput input, RetirePost retire, CancellationToken ct) =>
        (await retire.RetireAsync(id, input.Reason, ct)).ToHttp(ended => TypedResults.Ok(new { id, appointmentsEnded = ended }));

    static async Task<IResult> Restore(int id, RetirePost retire, CancellationToken ct) =>
        (await retire.RestoreAsync(id, ct)).ToHttp(id => TypedResults.Ok(new CreatedId(id)));

    static async Task<Ok<IReadOnlyList<StructureChange>>> History(StructureHistory history, CancellationToken ct) =>
        TypedResults.Ok(await history.RunAsync(ct));
}
