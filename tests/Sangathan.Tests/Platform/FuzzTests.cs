using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sangathan.Membership;
using Sangathan.Tests.Access;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership.Joining;

namespace Sangathan.Tests.Platform;

/// <summary>
/// Malformed input to every endpoint, as an outside fuzzer sends it, signed in as the war room's administrator and as no
/// one: route values that are not ids or overflow one, bodies that are empty, not JSON, not UTF-8, of the wrong shape,
/// missing fields or with fields of the wrong type, forms missing fields, odd query strings and return addresses. Bad
/// input is the client's fault: no answer may be a server error. Each endpoint gets a sample of the variants drawn by a
/// seeded generator, so the run is the same every time and a failure names a request that fails again.
/// </summary>
public sealed partial class FuzzTests(FuzzTests.World world) : IClassFixture<FuzzTests.World>
{
    /// <summary>
    /// The access matrix's world, served on Kestrel as production is: the in-memory server lets through what Kestrel
    /// refuses to write (a control character or a letter beyond ASCII in a header), so a server error there would hide.
    /// </summary>
    public sealed class World : MatrixWorld
    {
        protected override bool OnKestrel => true;
    }

    /// <summary>Variants an endpoint gets beyond its odd route values: enough to reach every kind, few enough to stay fast.</summary>
    const int Budget = 12;

    /// <summary>Odd query strings a GET gets (a read has no body to spoil).</summary>
    const int QueriesPerRead = 3;

    static readonly string[] OddRouteValues = ["0", "-1", "2147483648", "abc", "%FF", "%0D%0Ax"];

    static readonly string[] OddValues =
    [
        "", "abc", "-1", "0", "2147483648", "99999999999999999999", "1e400", "%00", "%FF%FE", "%E0%A4",
        "/%5Cevil.example", "//evil.example", "/%09/evil.example", "https://evil.example/", "/a%0D%0ASet-Cookie:x=1", "/%E0%A4%B9%E0%A4%BF",
    ];

    /// <summary>Longer than any page's address; two of them, so the request line stays within what Kestrel takes.</summary>
    static readonly string LongValue = "%2F" + new string('a', 2100);

    /// <summary>The query parameters the app reads somewhere, each given the same odd value.</summary>
    static readonly string[] QueryNames =
    [
        "returnUrl", "page", "after", "q", "unitId", "level", "status", "outcome", "from", "to", "date", "format", "layout",
        "action", "entityId", "kind", "id", "handler", "personId", "memberId", "token", "month", "category", "language", "parentId",
        "constituency", "part", "booth", "unit", "ref",
    ];

    [Theory]
    [InlineData(Caller.Admin)]
    [InlineData(Caller.Anonymous)]
    public async Task NoMalformedRequestIsAnsweredWithAServerError(Caller caller)
    {
        var random = new Random(19);
        var failures = new List<string>();
        var client = world.NewClient(caller);
        var token = await world.FormTokenAsync(client);
        var sent = 0;

        foreach (var (key, entry) in AccessMatrix.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var method = new HttpMethod(key[..key.IndexOf(' ')]);
            var template = key[(key.IndexOf(' ') + 1)..];
            // Signing out has no input, and would end the session the rest runs in: a session of its own.
            var sender = entry.EndsSession ? world.NewClient(caller) : client;
            var senderToken = entry.EndsSession ? await world.FormTokenAsync(sender) : token;

            var variants = OddPaths(template).Select(path => ($"as {path}", Bare(method, path, senderToken))).ToList();
            var real = await RealRequestAsync(entry);
            var more = OddQueries().Select(q => ($"with ?{Shorten(q)}", Bare(method, Join(real.Path, q), senderToken)));
            if (method != HttpMethod.Get)
                more = more.Concat(Bodies(real, senderToken, random).Select(b => ($"at {real.Path} with {b.Label}", Make(method, real.Path, b.Content))));
            variants.AddRange(more.OrderBy(_ => random.Next()).Take(method == HttpMethod.Get ? QueriesPerRead : Budget));

            foreach (var (label, make) in variants)
            {
                sent++;
                using var request = make();
                if (request.RequestUri!.OriginalString.StartsWith("/stand-in/")) request.Headers.Authorization = StandInKeys();
                try
                {
                    using var response = await sender.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{key} {label}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
                catch (Exception e) when (e is not TaskCanceledException)
                {
                    failures.Add($"{key} {label}: {e.GetType().Name} {Shorten(e.Message)}");
                }
            }
            if (entry.EndsSession) sender.Dispose();
        }

        Assert.True(failures.Count == 0, $"{caller}: {failures.Count} of {sent} requests answered by a server error:\n" + string.Join("\n", failures.Take(60)));
    }

    [Theory]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("long", "/")]
    [InlineData("/units/5?q=a b", "/units/5?q=a%20b")]
    [InlineData("/खोज", "/%E0%A4%96%E0%A5%8B%E0%A4%9C")]
    public async Task TheLanguageSwitchGoesBackOnlyToAPageOfThisSite(string returnUrl, string expected)
    {
        if (returnUrl == "long") returnUrl = "/" + new string('a', 3000);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = world.App.ClientOptions.BaseAddress };

        using var response = await client.GetAsync($"/language/hi?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnImportMappingWithoutColumnsIsRefusedWithAClearMessage()
    {
        using var admin = world.App.CreateAdminClient();
        var imports = new Import.ImportClient(admin);
        var id = await imports.UploadOkAsync("fuzz.csv", Import.ImportClient.Csv(
            $"District,Block,Mandal,Booth,Post,Name,Mobile\nInnerdistrict,Fuzz Block,Fuzz Mandal,78,President,Fuzz Import,{Tree.RandomMobile()}\n"));
        await imports.SettledAsync(id);

        using var response = await admin.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Say which field each column holds.", errors.GetProperty("columns")[0].GetString());
    }

    [Fact]
    public async Task TheStandInGatewayAnswersWhatIsNotItsContractWith400()
    {
        var order = await StandInOrderAsync();
        using var client = world.App.CreateClient();
        async Task<HttpStatusCode> PostAsync(string path, HttpContent content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Authorization = StandInKeys();
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/stand-in/razorpay/v1/orders", Json("{\"amount\":\"abc\",\"currency\":\"INR\"}")));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/stand-in/razorpay/v1/checkout/embedded", Json("{}")));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/stand-in/razorpay/v1/checkout/{order}/fail", Form([("error[metadata]", "{not json")])));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/stand-in/razorpay/v1/checkout/{order}/pay", Typed([1], "multipart/form-data")));
    }

    /// <summary>What the matrix's call about the inside side carries, as the administrator makes it, on records that exist.</summary>
    async Task<RealRequest> RealRequestAsync(Entry entry)
    {
        using var request = await entry.Request(new Call(world, Caller.Admin, Side.Inside, world.ClientOf(Caller.Admin)));
        var path = await RealTokensAsync(request.RequestUri!.OriginalString);
        return request.Content switch
        {
            null => new(path, null, null),
            MultipartFormDataContent => new(path, null, null),
            FormUrlEncodedContent form => new(path, null,
                (await form.ReadAsStringAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                    .Select(p => (WebUtility.UrlDecode(p[0]), WebUtility.UrlDecode(p.ElementAtOrDefault(1) ?? ""))).ToList()),
            var other => new(path, JsonNode.Parse(await other.ReadAsStringAsync()), null),
        };
    }

    /// <summary>
    /// The matrix calls the token routes of joining and the stand-in gateway with made-up tokens, which stop at the first
    /// look-up; the fuzz goes further on a person who has registered and an order that has been to the checkout.
    /// </summary>
    async Task<string> RealTokensAsync(string path)
    {
        if (path.Contains("AAAAAAAAAAAA")) path = path.Replace("AAAAAAAAAAAA", joinToken ??= await JoinTokenAsync());
        if (path.Contains("order_X")) path = path.Replace("order_X", standInOrder ??= await StandInOrderAsync());
        return path;
    }

    string? joinToken;
    string? standInOrder;

    async Task<string> JoinTokenAsync()
    {
        using var client = world.App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/join", Joiner.Details(world.Inside.Booth, Joiner.NewVoterId(), Tree.RandomMobile()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    async Task<string> StandInOrderAsync()
    {
        using var client = world.App.CreateClient();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/stand-in/razorpay/v1/orders") { Content = JsonContent.Create(new { amount = 500, currency = "INR" }) };
        create.Headers.Authorization = StandInKeys();
        using var created = await client.SendAsync(create);
        var order = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var keys = world.App.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Razorpay;
        using var checkout = await client.PostAsync("/stand-in/razorpay/v1/checkout/embedded", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key_id"] = keys.KeyId, ["order_id"] = order, ["callback_url"] = "/join", ["cancel_url"] = "/join",
        }));
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        return order;
    }

    /// <summary>The stand-in's API keys: its defaults are in the source, so a fuzzer outside has them too.</summary>
    AuthenticationHeaderValue StandInKeys()
    {
        var keys = world.App.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Razorpay;
        return new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keys.KeyId}:{keys.KeySecret}")));
    }

    /// <summary>The route with each parameter in turn given each odd value (the others a plausible one).</summary>
    static IEnumerable<string> OddPaths(string template)
    {
        var route = template.Split('?')[0];
        var handler = template.Contains('?') ? template[template.IndexOf('?')..] : "";
        var parameters = RouteParameter().Matches(route);
        for (var i = 0; i < parameters.Count; i++)
            foreach (var odd in OddRouteValues)
            {
                var k = 0;
                yield return RouteParameter().Replace(route, m => k++ == i ? odd : "1") + handler;
            }
    }

    static IEnumerable<string> OddQueries()
    {
        foreach (var value in OddValues) yield return string.Join("&", QueryNames.Select(n => $"{n}={value}"));
        yield return $"returnUrl={LongValue}&q={LongValue}";
        yield return string.Join("&", QueryNames.Select(n => $"{n}=1&{n}=abc")); // each twice
        yield return string.Join("&", QueryNames); // with no value at all
    }

    static string Join(string path, string query) => path + (path.Contains('?') ? "&" : "?") + query;

    static Func<HttpRequestMessage> Bare(HttpMethod method, string path, string token) => () => new(method, path)
    {
        Content = method == HttpMethod.Get ? null : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
    };

    static Func<HttpRequestMessage> Make(HttpMethod method, string path, Func<HttpContent> content) => () => new(method, path) { Content = content() };

    static IEnumerable<(string Label, Func<HttpContent> Content)> Bodies(RealRequest real, string token, Random random)
    {
        // Whatever the endpoint takes, it may be sent any of these.
        yield return ("no body", () => new ByteArrayContent([]));
        foreach (var raw in new[] { "", "{}", "null", "[]", "\"text\"", "12", "true", "{\"a\":", "{\"a\":1}}", "1e400", Nested(200) })
            yield return ($"JSON {Shorten(raw, 20)}", () => Json(raw));
        yield return ("JSON not UTF-8", () => Json([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC3, 0x22, 0x7D]));
        yield return ("form with only the token", () => Form([("__RequestVerificationToken", token)]));
        yield return ("form not UTF-8", () => Typed([0x61, 0x3D, 0xFF, 0xFE, 0x26, 0xC3], "application/x-www-form-urlencoded"));
        yield return ("multipart without parts", () => Typed(Encoding.ASCII.GetBytes("--b--\r\n"), "multipart/form-data; boundary=b"));
        yield return ("multipart cut short", () => Typed(Encoding.ASCII.GetBytes(
            $"--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"),
            "multipart/form-data; boundary=b"));
        yield return ("multipart with no boundary", () => Typed(Encoding.ASCII.GetBytes("x"), "multipart/form-data"));
        yield return ("an unknown content type", () => Typed([1, 2, 3], "application/x-unknown"));

        if (real.Body is JsonObject body)
            foreach (var (name, value) in body)
            {
                yield return ($"JSON without {name}", () => Json(With(body, name, null, remove: true)));
                foreach (var (label, replacement) in OddJson(value, random))
                    yield return ($"JSON with {name} {label}", () => Json(With(body, name, replacement)));
            }
        if (real.Fields is { } fields)
        {
            var named = fields.Where(f => f.Name != "__RequestVerificationToken").ToList();
            foreach (var (name, _) in named.DistinctBy(f => f.Name))
            {
                yield return ($"form without {name}", () => Form(Fields(named, token, name, null)));
                foreach (var odd in OddValues)
                    yield return ($"form with {name}={Shorten(odd, 20)}", () => Form(Fields(named, token, name, WebUtility.UrlDecode(odd))));
                yield return ($"form with {name} twice", () => Form([.. Fields(named, token, name, "1"), (name, "abc")]));
            }
        }
    }

    static IEnumerable<(string Label, JsonNode? Value)> OddJson(JsonNode? value, Random random)
    {
        yield return ("null", null);
        yield return ("a string", JsonValue.Create("abc"));
        yield return ("an empty string", JsonValue.Create(""));
        yield return ("-1", JsonValue.Create(-1));
        yield return ("0", JsonValue.Create(0));
        yield return ("2147483648", JsonValue.Create(2147483648L));
        yield return ("huge", JsonNode.Parse("99999999999999999999999999999"));
        yield return ("a fraction", JsonValue.Create(1.5));
        yield return ("true", JsonValue.Create(true));
        yield return ("an object", new JsonObject { ["a"] = 1 });
        yield return ("an array", new JsonArray(1, "x"));
        yield return ("control characters", JsonValue.Create("a\u0000b\u0007c\u202Ed"));
        yield return ("long", JsonValue.Create(new string('क', 20_000)));
        yield return ("a date far off", JsonValue.Create("9999-12-31T23:59:59"));
        if (value is JsonArray { Count: > 0 } array)
            yield return ("holding odd items", new JsonArray(null, JsonValue.Create("abc"), JsonValue.Create(-1), array[0]?.DeepClone()));
        if (value is JsonObject inner)
            foreach (var (name, _) in inner)
                yield return ($"whose {name} is odd", With(inner, name, random.Next(2) == 0 ? null : JsonValue.Create("abc")));
    }

    static JsonObject With(JsonObject body, string name, JsonNode? value, bool remove = false)
    {
        var copy = body.DeepClone().AsObject();
        if (remove) copy.Remove(name);
        else copy[name] = value?.DeepClone();
        return copy;
    }

    static List<(string Name, string Value)> Fields(List<(string Name, string Value)> fields, string token, string name, string? value) =>
        [("__RequestVerificationToken", token), .. fields.Where(f => f.Name != name), .. value is null ? [] : new[] { (name, value) }];

    static HttpContent Json(JsonNode node) => Json(node.ToJsonString());

    static HttpContent Json(string raw) => Json(Encoding.UTF8.GetBytes(raw));

    static HttpContent Json(byte[] raw) => Typed(raw, "application/json; charset=utf-8");

    static HttpContent Typed(byte[] raw, string contentType) =>
        new ByteArrayContent(raw) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };

    static HttpContent Form(IEnumerable<(string Name, string Value)> fields) =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    static string Shorten(string text, int length = 160) => text.Length > length ? text[..length] + "…" : text;

    sealed record RealRequest(string Path, JsonNode? Body, List<(string Name, string Value)>? Fields);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
