using Microsoft.AspNetCore.Http.HttpResults;

namespace Sangathan.Dashboards;

/// <summary>The war room's dashboards: the drive's and booth coverage, of units and of assembly constituencies.</summary>
public static class DashboardsSetup
{
    public static void AddDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Places>();
        builder.Services.AddScoped<GetDrive>();
        builder.Services.AddScoped<GetCoverage>();
        builder.Services.AddScoped<SetGoal>();
        builder.Services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section);
        builder.Services.AddHostedService<SnapshotWorker>();
    }

    public static void MapDashboards(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Dashboards");
        api.MapGet("/units/{id:int}/drive", (int id, int? days, GetDrive q, CancellationToken ct) => DriveAsync(ScopeKind.Unit, id, days, q, ct));
        api.MapGet("/constituencies/{id:int}/drive", (int id, int? days, GetDrive q, CancellationToken ct) => DriveAsync(ScopeKind.Constituency, id, days, q, ct));
        api.MapGet("/units/{id:int}/coverage", (int id, CoverageCut? cut, GetCoverage q, CancellationToken ct) => CoverageAsync(ScopeKind.Unit, id, cut, q, ct));
        api.MapGet("/constituencies/{id:int}/coverage", (int id, CoverageCut? cut, GetCoverage q, CancellationToken ct) => CoverageAsync(ScopeKind.Constituency, id, cut, q, ct));
        api.MapPut("/units/{id:int}/goal", (int id, GoalInput body, SetGoal s, CancellationToken ct) => GoalAsync(ScopeKind.Unit, id, body, s, ct));
        api.MapPut("/constituencies/{id:int}/goal", (int id, GoalInput body, SetGoal s, CancellationToken ct) => GoalAsync(ScopeKind.Constituency, id, body, s, ct));
        api.MapPut("/units/{id:int}/expected-units", (int id, ExpectedInput body, SetGoal s, CancellationToken ct) => ExpectAsync(ScopeKind.Unit, id, body, s, ct));
        api.MapPut("/constituencies/{id:int}/expected-units", (int id, ExpectedInput body, SetGoal s, CancellationToken ct) => ExpectAsync(ScopeKind.Constituency, id, body, s, ct));
    }

    static async Task<Results<Ok<DriveData>, NotFound, StatusCodeHttpResult>> DriveAsync(ScopeKind kind, int id, int? days, GetDrive q, CancellationToken ct)
    {
        var (data, refusal) = await q.RunAsync(kind, id, days ?? 30, ct);
        return data is not null ? TypedResults.Ok(data) : refusal.Forbidden ? TypedResults.StatusCode(403) : TypedResults.NotFound();
    }

    static async Task<Results<Ok<CoverageData>, NotFound, StatusCodeHttpResult>> CoverageAsync(ScopeKind kind, int id, CoverageCut? cut, GetCoverage q, CancellationToken ct)
    {
        var (data, refusal) = await q.RunAsync(kind, id, cut, ct);
        return data is not null ? TypedResults.Ok(data) : refusal.Forbidden ? TypedResults.StatusCode(403) : TypedResults.NotFound();
    }

    static async Task<IResult> GoalAsync(ScopeKind kind, int id, GoalInput body, SetGoal s, CancellationToken ct) =>
        (await s.RunAsync(kind, id, body, ct)).ToHttp(_ => TypedResults.NoContent());

    static async Task<IResult> ExpectAsync(ScopeKind kind, int id, ExpectedInput body, SetGoal s, CancellationToken ct) =>
        (await s.ExpectAsync(kind, id, body, ct)).ToHttp(_ => TypedResults.NoContent());
}
