using Microsoft.AspNetCore.Http.HttpResults;

namespace Sangathan.Broadcasts;

/// <summary>The broadcasts' JSON API under /api/v1: the same use cases as the pages.</summary>
internal static class BroadcastsApi
{
    public static void MapBroadcastsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/broadcasts").WithTags("Broadcasts");
        api.MapGet("/", async (int? before, GetBroadcast get, CancellationToken ct) =>
            await get.ListAsync(before, ct) is { } list ? Results.Ok(list) : Results.StatusCode(StatusCodes.Status403Forbidden));
        api.MapPost("/audience", async (AudienceChoice choice, CountAudience count, CancellationToken ct) =>
            await count.RunAsync(choice, ct) is { } counted ? Results.Ok(counted) : Results.NotFound());
        api.MapPost("/preview", async (BroadcastInput input, PreviewBroadcast preview, CancellationToken ct) =>
            await preview.RunAsync(input, ct) is { } shown ? Results.Ok(shown) : Results.NotFound());
        api.MapPost("/", async (BroadcastInput input, CreateBroadcast create, CancellationToken ct) =>
            (await create.RunAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/broadcasts/{id}", new { id })));
        api.MapGet("/{id:int}", async (int id, GetBroadcast get, CancellationToken ct) => await get.RunAsync(id, ct) switch
        {
            ({ } view, _) => Results.Ok(view),
            (null, true) => Results.StatusCode(StatusCodes.Status403Forbidden),
            _ => Results.NotFound(),
        });
        api.MapGet("/{id:int}/status", async (int id, GetBroadcast get, CancellationToken ct) =>
            await get.CountsAsync(id, ct) is { } counts ? Results.Ok(counts) : Results.NotFound());
        api.MapGet("/{id:int}/failures", async (int id, long? after, GetBroadcast get, CancellationToken ct) =>
            await get.FailuresAsync(id, after, ct) is { } page ? Results.Ok(page) : Results.NotFound());
        api.MapPost("/{id:int}/approve", async (int id, DecideBroadcast decide, CancellationToken ct) =>
            (await decide.ApproveAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));
        api.MapPost("/{id:int}/cancel", async (int id, DecideBroadcast decide, CancellationToken ct) =>
            (await decide.CancelAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));

        api.MapGet("/templates", async (int unitId, FindTemplates find, CancellationToken ct) => await find.ForUnitAsync(unitId, ct) switch
        {
            ({ } list, _) => Results.Ok(list),
            (null, true) => Results.StatusCode(StatusCodes.Status403Forbidden),
            _ => Results.NotFound(),
        });
        api.MapGet("/templates/{id:int}", async (int id, FindTemplates find, CancellationToken ct) => await find.OneAsync(id, ct) switch
        {
            ({ } view, _) => Results.Ok(view),
            (null, true) => Results.StatusCode(StatusCodes.Status403Forbidden),
            _ => Results.NotFound(),
        });
        api.MapPost("/templates", async (TemplateInput input, SaveTemplate save, CancellationToken ct) =>
            (await save.RunAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/broadcasts/templates/{id}", new { id })));
        api.MapDelete("/templates/{id:int}", async (int id, SaveTemplate save, CancellationToken ct) =>
            (await save.DeleteAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));

        app.MapPut("/api/v1/people/{id:int}/preferences", async (int id, PreferencesInput input, SetPreferences set, CancellationToken ct) =>
            (await set.PersonAsync(id, input, ct)).ToHttp(_ => TypedResults.NoContent())).WithTags("Broadcasts");
        app.MapPut("/api/v1/members/{id:int}/preferences", async (int id, PreferencesInput input, SetPreferences set, CancellationToken ct) =>
            (await set.MemberAsync(id, input, ct)).ToHttp(_ => TypedResults.NoContent())).WithTags("Broadcasts");
    }
}
