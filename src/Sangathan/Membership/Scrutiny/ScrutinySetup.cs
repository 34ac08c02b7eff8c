using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>Scrutiny: the district's queue of new members, decisions on them, and their photos for those who decide.</summary>
internal static class ScrutinySetup
{
    public static void AddScrutiny(this IServiceCollection services)
    {
        services.AddScoped<ScrutinyQueue>();
        services.AddScoped<DecideMember>();
    }

    public static void MapScrutiny(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/members").WithTags("Membership");
        api.MapGet("/scrutiny", async (int? unitId, int? after, ScrutinyQueue queue, CancellationToken ct) =>
            await queue.RunAsync(unitId, after, ct) is { } page ? Results.Ok(page) : Results.StatusCode(StatusCodes.Status403Forbidden));
        api.MapPost("/{id:int}/approve", (int id, DecideMember decide, CancellationToken ct) => Decide(decide, id, Decision.Approve, new(null), ct));
        api.MapPost("/{id:int}/reject", (int id, DecisionInput input, DecideMember decide, CancellationToken ct) => Decide(decide, id, Decision.Reject, input, ct));
        api.MapPost("/{id:int}/send-back", (int id, DecisionInput input, DecideMember decide, CancellationToken ct) => Decide(decide, id, Decision.SendBack, input, ct));
        api.MapPost("/approve", ApproveMany);
        api.MapGet("/{id:int}/photo", Photo);
        app.MapGet("/members/{id:int}/photo", Photo).ExcludeFromDescription();
    }

    static async Task<IResult> Decide(DecideMember decide, int id, Decision decision, DecisionInput input, CancellationToken ct) =>
        (await decide.RunAsync(id, decision, input, ct)).ToHttp(_ => TypedResults.NoContent());

    /// <summary>Approves at once the members named that are waiting with no flag; the answer says who was left for a look of their own.</summary>
    static async Task<IResult> ApproveMany(BulkApproval input, DecideMember decide, CancellationToken ct)
    {
        var (outcome, result) = await decide.ApproveManyAsync(input, ct);
        return outcome.ToHttp(_ => TypedResults.Ok(result));
    }

    /// <summary>
    /// A member's photo, for those who verify their district's members and for the member's own enroller, who took it;
    /// nobody else sees it. <c>?size=thumb</c> gives the small square that lists show. A correction may change the
    /// picture behind the address, so it is kept a day at most.
    /// </summary>
    static async Task<IResult> Photo(int id, string? size, AppDb db, Door door, HttpContext http, CancellationToken ct)
    {
        if (size is not (null or "thumb")) return TypedResults.NotFound();
        var member = await door.MemberAsync(id, Operations.Read, ct);
        if (member.Refused) return member.Refusal.ToHttp(_ => TypedResults.Empty);
        var mine = member.Resource!.EnrolledById is { } by && by == door.PersonId;
        if (!mine && !await door.AllowsAsync(member.Resource, Operations.Scrutinize, ct)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var photoId = await db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => m.PhotoId).FirstOrDefaultAsync(ct);
        if (photoId is not { } pid) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=86400";
        if (size == "thumb")
            return await PhotoStore.ThumbnailAsync(db, pid, ct) is var (jpeg, _) ? TypedResults.File(jpeg, "image/jpeg") : TypedResults.NotFound();
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct);
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Content, photo.ContentType);
    }
}
