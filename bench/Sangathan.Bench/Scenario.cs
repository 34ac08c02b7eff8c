using System.Data.Common;
using System.Net.Http.Json;

namespace Sangathan.Bench;

/// <summary>One thing a user opens: the page's address, the API's, and the raw SQL that fetches the same data.</summary>
/// <remarks>Call number i asks for item i modulo the count of <see cref="Items"/>; items are named only where each is
/// worth its own line in the report (search terms differ by orders of magnitude; units of a level do not).</remarks>
internal sealed record Scenario(string Name, double? TargetP95Ms, Func<int, HttpRequestMessage> Page, Func<int, HttpRequestMessage> Api,
    Func<DbConnection, int, Task<int>> Raw, IReadOnlyList<string>? Items = null)
{
    public const double UnitPageTargetMs = 50;
    public const double CompletenessTargetMs = 200;

    public static IReadOnlyList<Scenario> From(Targets t, string formToken)
    {
        var units = new[] { t.State, t.District, t.Blocks, t.Mandals, t.Booths }.Select(sample => new Scenario(
            sample.Label, UnitPageTargetMs,
            i => Get($"/units/{sample.Ids[i % sample.Ids.Count]}"),
            i => Get($"/api/v1/units/{sample.Ids[i % sample.Ids.Count]}"),
            (c, i) => RawQueries.UnitPageAsync(c, sample.Ids[i % sample.Ids.Count])));
        var terms = t.Terms;
        return
        [
            .. units,
            new("Completeness (whole state)", CompletenessTargetMs, _ => Get("/completeness"), _ => Get("/api/v1/completeness"),
                (c, _) => RawQueries.CompletenessAsync(c)),
            new($"Search ({terms.Count} terms in turn)", null,
                i => Post("/search", new FormUrlEncodedContent(
                    [new("q", terms[i % terms.Count].Text), new("__RequestVerificationToken", formToken)])),
                i => Post("/api/v1/search", JsonContent.Create(new { q = terms[i % terms.Count].Text })),
                (c, i) => RawQueries.SearchAsync(c, terms[i % terms.Count]),
                terms.Select(term => term.Mobile is null ? $"\"{term.Text}\"" : "a mobile number, typed \"NNNNN NNNNN\"").ToList()),
        ];
    }

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };
}

internal sealed record ScenarioResult(Scenario Scenario, Timing Page, Timing Api, Timing Raw)
{
    public bool? Passed => Scenario.TargetP95Ms is { } target ? Page.P95 < target && Api.P95 < target : null;
}
