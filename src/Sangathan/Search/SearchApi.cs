using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Completeness;

namespace Sangathan.Search;

public static class SearchApi
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SearchDirectory>();
        builder.Services.AddScoped<NameIndexInterceptor>();
        builder.Services.AddHostedService<NameIndexBackfill>();
        builder.Services.AddScoped<GetCompleteness>();
        builder.Services.AddScoped<ListVacancies>();
        return builder;
    }

    public static void MapSearchApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Search and completeness");
        // POST, so that the names and numbers searched for stay out of URLs, browser history and access logs.
        api.MapPost("/search", Search);
        api.MapGet("/completeness", Completeness);
        api.MapGet("/vacancies", Vacancies);
    }

    public sealed record SearchRequest(string? Q);

    static async Task<Results<Ok<SearchResults>, ValidationProblem>> Search(SearchRequest body, SearchDirectory search, CancellationToken ct)
    {
        var q = body.Q;
        if (q is { Length: > SearchDirectory.MaxQuery })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [Platform.Localization.Texts.T("The search is too long: at most {0} characters.", SearchDirectory.MaxQuery)],
            });
        return TypedResults.Ok(await search.RunAsync(q, ct));
    }

    static async Task<Results<Ok<CompletenessData>, NotFound>> Completeness(int? unitId, GetCompleteness query, CancellationToken ct) =>
        await query.RunAsync(unitId, ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound();

    static async Task<Ok<VacancyPage>> Vacancies(int? regionId, int? levelId, int? unitId, int? postId, int? page, ListVacancies query, CancellationToken ct) =>
        TypedResults.Ok(await query.RunAsync(regionId, levelId, page ?? 1, ct, unitId, postId));
}
