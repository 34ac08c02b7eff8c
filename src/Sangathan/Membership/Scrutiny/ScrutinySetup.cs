using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

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
        api.MapGet("/{id:int}/photo", Photo);
        app.MapGet("/members/{id:int}/photo", Photo).ExcludeFromDescription();
    }

    static async Task<IResult> Decide(DecideMember decide, int id, Decision decision, DecisionInput input, CancellationToken ct) =>
        (await decide.RunAsync(id, decision, input, ct)).ToHttp(_ => TypedResults.NoContent());

    /// <summary>A member's photo, for those who verify their district's members; nobody else sees it.</summary>
    static async Task<IResult> Photo(int id, AppDb db, Door door, CancellationToken ct)
    {
        var member = await door.MemberAsync(id, Operations.Scrutinize, ct);
        if (member.Refused) return member.Refusal.ToHttp(_ => TypedResults.Empty);
        var photo = await db.Members.AsNoTracking().Where(m => m.Id == id).Join(db.Photos, m => m.PhotoId, p => p.Id, (m, p) => new { p.Content, p.ContentType })
            .FirstOrDefaultAsync(ct);
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Content, photo.ContentType);
    }
}
