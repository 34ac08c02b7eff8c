using Microsoft.AspNetCore.Http.HttpResults;

namespace Sangathan.Audit;

public static class AuditApi
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ActingFor>();
        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<SearchAudit>();
        builder.Services.AddScoped<VerifyAuditChain>();
        builder.Services.AddScoped<AuditSealer>();
        builder.Services.AddHostedService<AuditSealWorker>();
        return builder;
    }

    public static void MapAuditApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Access.AccessPolicies.Auditor);
        api.MapGet("/", Search);
        api.MapGet("/verify", Verify);
    }

    static async Task<Ok<AuditPage>> Search([AsParameters] AuditQuery q, SearchAudit search, CancellationToken ct) =>
        TypedResults.Ok(await search.RunAsync(new AuditFilter(q.Actor, q.Action, q.Entity, q.EntityId, q.From, q.To, q.Page ?? 1), ct));

    static async Task<Ok<ChainReport>> Verify(VerifyAuditChain verify, CancellationToken ct) => TypedResults.Ok(await verify.RunAsync(ct));

    public sealed record AuditQuery(string? Actor, string? Action, string? Entity, string? EntityId, DateOnly? From, DateOnly? To, int? Page);
}
