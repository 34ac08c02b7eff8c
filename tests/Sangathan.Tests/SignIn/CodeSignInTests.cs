using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.SignIn;

/// <summary>Office bearers' sign-in, with the code travelling through real Kannel to its fake SMSC.</summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed partial class CodeSignInTests(KannelFactory app) : IClassFixture<KannelFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    readonly HttpClient anonymous = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    async Task<(int PersonId, string Mobile)> OfficeBearerAsync()
    {
        var tree = new Tree(admin);
        var (_, _, _, booth) = await tree.BranchAsync();
        var mobile = Tree.RandomMobile();
        await tree.AppointAsync(booth, await tree.PostIdAsync("booth", "president"), "Code Tester", "कोड परीक्षक", mobile);
        var personId = (await tree.UnitJsonAsync(booth)).GetProperty("officeBearers")[0].GetProperty("personId").GetInt32();
        return (personId, mobile);
    }

    async Task<string> CodeSentToAsync(string mobile)
    {
        var sms = await FakeSmsc.WaitForAsync(mobile);
        return SixDigits().Match(sms.Text).Value;
    }

    [Fact]
    public async Task AnOfficeBearerSignsInWithTheCodeKannelDeliveredAndTheCodeWorksOnce()
    {
        var (personId, mobile) = await OfficeBearerAsync();

        var asked = await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile = mobile[3..] });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var code = await CodeSentToAsync(mobile);
        var signedIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { mobile, code });
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { mobile, code });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var user = app.CreateClientWithToken(token, false);
        var me = await user.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(personId, me.GetProperty("personId").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=sign-in&entityId={personId}");
        Assert.Equal($"person:{personId}", log.GetProperty("rows")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task ThePageSetsASecureHttpOnlySameSiteCookieAndTheSessionOpensPages()
    {
        var (_, mobile) = await OfficeBearerAsync();
        var form = await anonymous.GetStringAsync("/sign-in");
        var send = await Post("/sign-in?handler=Send", form, new() { ["Mobile"] = mobile });
        Assert.Contains("name=\"Code\"", await send.Content.ReadAsStringAsync());
        var code = await CodeSentToAsync(mobile);

        var verified = await Post("/sign-in?handler=Verify&returnUrl=%2Faccount", form, new() { ["Mobile"] = mobile, ["Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("/account", verified.Headers.Location!.ToString());
        var cookie = verified.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sangathan_session="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mobile[3..], verified.Headers.Location!.ToString());
    }

    [Fact]
    public async Task WrongCodesRefuseTheAddressTheyCameFromNeverTheNumber()
    {
        var (_, mobile) = await OfficeBearerAsync();
        await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile });
        var code = await CodeSentToAsync(mobile);
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) answers.Add(await TokenAsync(mobile, wrong, "203.0.113.77"));
        var fromThere = await TokenAsync(mobile, code, "203.0.113.77");
        var fromElsewhere = await TokenAsync(mobile, code, "198.51.100.77");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, fromThere);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere);
        var failed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=sign-in-failed");
        Assert.True(failed.GetProperty("total").GetInt32() >= 5);
    }

    async Task<HttpStatusCode> TokenAsync(string mobile, string code, string peer)
    {
        using var response = await anonymous.SendAsync(PeerFromHeader.From(peer, HttpMethod.Post, "/api/v1/auth/token", JsonContent.Create(new { mobile, code })));
        return response.StatusCode;
    }

    [Fact]
    public async Task AnUnknownNumberGetsTheSameAnswerAndNoMessage()
    {
        var unknown = Tree.RandomMobile();
        var (_, known) = await OfficeBearerAsync();

        var a = await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile = unknown });
        var b = await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile = known });

        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
        await FakeSmsc.WaitForAsync(known);
        Assert.DoesNotContain(FakeSmsc.Received(), m => m.To == unknown);
    }

    [Fact]
    public async Task CodesArePerNumberRateLimitedAndExpire()
    {
        var (_, mobile) = await OfficeBearerAsync();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) answers.Add((await anonymous.PostAsJsonAsync("/api/v1/auth/code", new { mobile })).StatusCode);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers);

        var code = await CodeSentToAsync(mobile);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { mobile, code });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionOfThatPerson()
    {
        var (personId, _) = await OfficeBearerAsync();
        using var phone = app.CreatePersonClient(personId);
        using var laptop = app.CreatePersonClient(personId);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/auth/sign-out-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task WithoutASessionPagesAskToSignInAndTheApiSays401()
    {
        var page = await anonymous.GetAsync("/units/1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/units/root")).StatusCode);
        using var forged = app.CreateClientWithToken("not-a-real-token", false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me")).StatusCode);
    }

    Task<HttpResponseMessage> Post(string path, string formHtml, Dictionary<string, string> fields) =>
        Forms.PostAsync(anonymous, path, formHtml, fields);

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

}
