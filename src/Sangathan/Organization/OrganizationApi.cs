using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Organization;

public sealed record CreatedId(int Id);

/// <param name="Reason">Why it ends (3 to 500 characters), kept with the appointment.</param>
public sealed record EndInput(DateOnly? Until, string? Reason);

/// <summary>What ending did: the unit whose seat fell vacant, and until when the end may be undone (UTC).</summary>
public sealed record Ended(int Id, int UnitId, DateTime UndoUntil);

/// <param name="IsBooth">The polling booth's level (Organization:BoothLevel), where members belong.</param>
public sealed record LevelWithPosts(int Id, string Key, string NameEn, string NameHi, int Depth, IReadOnlyList<PostRef> Posts, bool IsBooth);

/// <param name="Until">The last day of a retired post; null for a post in use.</param>
public sealed record PostRef(int Id, string Key, string NameEn, string NameHi, int Seats, int Rank, DateOnly? Until);

public static class OrganizationApi
{
    public static WebApplicationBuilder AddOrganization(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section);
        builder.Services.AddScoped<GetUnitPage>();
        builder.Services.AddScoped<SaveUnit>();
        builder.Services.AddScoped<Appoint>();
        builder.Services.AddScoped<EndAppointment>();
        builder.Services.AddStructure();
        builder.Services.AddRecuts();
        return builder;
    }

    public static void MapOrganizationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organization");
        api.MapGet("/levels", GetLevels);
        api.MapGet("/units/root", GetRoot);
        api.MapGet("/units/{id:int}", GetUnit);
        api.MapPost("/units", CreateUnit);
        api.MapPut("/units/{id:int}", UpdateUnit);
        api.MapPost("/units/{id:int}/appointments", AddAppointment);
        api.MapPost("/appointments/{id:int}/end", EndAppointmentEndpoint);
        api.MapPost("/appointments/{id:int}/undo-end", UndoEndEndpoint);
        app.MapStructure();
        app.MapRecuts();
    }

    static async Task<Ok<List<LevelWithPosts>>> GetLevels(AppDb db, Membership.BoothLevel booths, CancellationToken ct)
    {
        var booth = await booths.IdAsync(db, ct);
        return TypedResults.Ok(await db.Levels.AsNoTracking().OrderBy(l => l.Depth)
            .Select(l => new LevelWithPosts(l.Id, l.Key, l.NameEn, l.NameHi, l.Depth,
                l.Posts.OrderBy(p => p.Until != null).ThenBy(p => p.Rank).ThenBy(p => p.Id)
                    .Select(p => new PostRef(p.Id, p.Key, p.NameEn, p.NameHi, p.Seats, p.Rank, p.Until)).ToList(), l.Id == booth))
            .ToListAsync(ct));
    }

    static async Task<Results<Ok<UnitPageData>, NotFound>> GetRoot(AppDb db, GetUnitPage query, CancellationToken ct)
    {
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        return root is { } id ? await GetUnit(id, query, 1, ct) : TypedResults.NotFound();
    }

    static async Task<Results<Ok<UnitPageData>, NotFound>> GetUnit(int id, GetUnitPage query, int? page, CancellationToken ct) =>
        await query.RunAsync(id, page ?? 1, ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound();

    static async Task<IResult> CreateUnit(UnitInput input, SaveUnit save, CancellationToken ct) =>
        (await save.CreateAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/units/{id}", new CreatedId(id)));

    static async Task<IResult> UpdateUnit(int id, UnitInput input, SaveUnit save, CancellationToken ct) =>
        (await save.UpdateAsync(id, input, ct)).ToHttp(id => TypedResults.Ok(new CreatedId(id)));

    static async Task<IResult> AddAppointment(int id, AppointmentInput input, Appoint appoint, CancellationToken ct) =>
        (await appoint.RunAsync(id, input, ct)).ToHttp(a => TypedResults.Created($"/api/v1/units/{id}", new CreatedId(a)));

    static async Task<IResult> EndAppointmentEndpoint(int id, EndInput input, EndAppointment end, TimeProvider clock, CancellationToken ct) =>
        (await end.RunAsync(id, input.Until, input.Reason, ct))
            .ToHttp(unitId => TypedResults.Ok(new Ended(id, unitId, end.UndoableUntil(clock.GetUtcNow().UtcDateTime))));

    static async Task<IResult> UndoEndEndpoint(int id, EndAppointment end, CancellationToken ct) =>
        (await end.UndoAsync(id, ct)).ToHttp(unitId => TypedResults.Ok(new CreatedId(id)));
}
