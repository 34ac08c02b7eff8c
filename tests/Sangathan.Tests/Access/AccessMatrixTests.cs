using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sangathan.Tests.Access;

/// <summary>
/// Signs in as each kind of user and calls every page and API endpoint about a booth inside and one outside the
/// caller's jurisdiction. Every call the rules refuse must be refused (401/403/404, or a sign-in page) with no
/// personal data of the other side in the body; every call they allow must go through.
/// </summary>
public sealed class AccessMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public async Task EveryEndpointOfTheAppHasAnEntryAndEveryEntryAnEndpoint()
    {
        var mapped = await MappedEndpointsAsync();
        var missing = mapped.Except(AccessMatrix.Entries.Keys).Order().ToList();
        var stale = AccessMatrix.Entries.Keys.Except(mapped).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints with no entry in AccessMatrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Entries for endpoints the app no longer maps: " + string.Join(", ", stale));
    }

    [Theory]
    [InlineData(Caller.Anonymous)]
    [InlineData(Caller.DistrictPresident)]
    [InlineData(Caller.DistrictSecretary)]
    [InlineData(Caller.BoothPresident)]
    [InlineData(Caller.Admin)]
    [InlineData(Caller.DataEntry)]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.Worker)]
    public async Task EachCallIsAllowedOrRefusedAsTheRulesSay(Caller caller)
    {
        var failures = new List<string>();
        foreach (var (key, entry) in AccessMatrix.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            foreach (var side in new[] { Side.Inside, Side.Outside })
            {
                var client = entry.EndsSession ? world.NewClient(caller) : world.ClientOf(caller);
                var call = new Call(world, caller, side, client);
                using var request = await entry.Request(call);
                var sent = await SentTextAsync(request);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var problem = Judge(entry, caller, side, response, body, sent);
                if (entry.EndsSession)
                {
                    // Signing out must end the session for real, whatever page it lands on.
                    if (problem is null && caller != Caller.Anonymous
                        && (await client.GetAsync("/api/v1/me")).StatusCode != HttpStatusCode.Unauthorized)
                        problem = "the session still works after signing out";
                    client.Dispose();
                    world.Forget(caller);
                }
                if (problem is not null) failures.Add($"{key} about {side}: {problem}");
            }
        Assert.True(failures.Count == 0, $"{caller}:\n" + string.Join("\n", failures));
    }

    /// <summary>What the request itself carried (form fields, JSON), decoded: a form may show back what it was sent.</summary>
    static async Task<string> SentTextAsync(HttpRequestMessage request)
    {
        if (request.Content is null) return "";
        var raw = await request.Content.ReadAsStringAsync();
        // An uploaded file's bytes may hold a backslash that is no escape: then they count as sent, as they are.
        string unescaped;
        try { unescaped = System.Text.RegularExpressions.Regex.Unescape(raw); }
        catch (System.Text.RegularExpressions.RegexParseException) { unescaped = raw; }
        return WebUtility.UrlDecode(raw) + "\n" + unescaped;
    }

    string? Judge(Entry entry, Caller caller, Side side, HttpResponseMessage response, string body, string sent)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"server error {status}";
        var allowed = Rules.Allows(entry.Need, caller, side);
        var toSignIn = status is 301 or 302 or 303 or 307 && response.Headers.Location?.OriginalString is { } to
            && (to.StartsWith("/sign-in") || to.StartsWith("/staff/sign-in") || to.Contains("://localhost/sign-in"));

        // Auditors read the whole log by their role; everyone else sees nothing of a side they may not read.
        if (!(entry.Need == Need.Audit && allowed))
            foreach (var unseen in new[] { Side.Inside, Side.Outside }.Where(s => !Rules.Allows(Need.ReadBooth, caller, s)))
                if (world.Of(unseen).Markers.FirstOrDefault(m => body.Contains(m) && !sent.Contains(m)) is { } leak) return $"answer {status} shows '{leak}' of the {unseen} side";

        if (entry.AnyAnswer) return null;
        if (allowed)
        {
            var through = status is >= 200 and < 300 || (status is >= 300 and < 400 && (!toSignIn || entry.EndsSession))
                || (entry.MayFailValidation && status == 400);
            if (!through) return $"allowed, but answered {status}{(toSignIn ? " (to sign-in)" : "")}";
            if (entry.Lists && !world.Of(side).Markers.Any(body.Contains)) return $"allowed, but the list of {status} shows nothing of the {side} side";
            return null;
        }
        var refused = status is 401 or 403 or 404 || toSignIn
            || (entry.Lists && status == 200) || (entry.NamesInBody && status is 400 or 200);
        return refused ? null : $"refused by the rules, but answered {status}";
    }

    async Task<HashSet<string>> MappedEndpointsAsync()
    {
        var services = world.App.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new HashSet<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                // A page with no handler methods still answers a GET.
                if (compiled.HandlerMethods.Count == 0) keys.Add($"GET {route}");
                foreach (var handler in compiled.HandlerMethods)
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is { } name ? "?handler=" + name : "")}");
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                keys.Add($"{method} {route}");
        }
        return keys;
    }
}
