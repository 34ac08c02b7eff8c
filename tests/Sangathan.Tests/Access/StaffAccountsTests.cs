using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Access;

/// <summary>
/// War-room accounts in the app (issue 22): the state administrator adds one, disables it (its sessions end at once)
/// and enables it, gives it a new authenticator for a lost phone, changes its roles, and sees when it last signed in.
/// </summary>
public sealed class StaffAccountsTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    const string Password = "a-long-staff-password";

    /// <summary>Signs in as the pages' API does; each call uses its own 30-second step (a code signs in once).</summary>
    async Task<(HttpStatusCode Status, string? Token)> SignInAsync(string username, string secret, int step, string password = Password)
    {
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step));
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/staff-token", new { username, password, code });
        return (response.StatusCode, response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString() : null);
    }

    async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = app.CreateClientWithToken(token, false);
        return (await client.GetAsync("/api/v1/constituencies/")).StatusCode;
    }

    async Task<JsonElement> AccountAsync(int id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/staff/")).EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);

    [Fact]
    public async Task TheAdministratorAddsDisablesEnablesResetsAndChangesRolesAndSeesTheLastSignIn()
    {
        var username = $"op{Guid.NewGuid():N}"[..12];
        var added = await admin.PostAsJsonAsync("/api/v1/staff/", new { username, displayName = "Data Operator", password = Password, roles = new[] { "data-entry" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var account = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = account.GetProperty("id").GetInt32();
        var secret = account.GetProperty("secret").GetString()!;
        Assert.StartsWith($"otpauth://totp/Sangathan:{username}?secret={secret}", account.GetProperty("uri").GetString());
        Assert.Equal(JsonValueKind.Null, (await AccountAsync(id)).GetProperty("lastSignIn").ValueKind);

        var (ok, token) = await SignInAsync(username, secret, 0);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token!));
        Assert.NotEqual(JsonValueKind.Null, (await AccountAsync(id)).GetProperty("lastSignIn").ValueKind);

        // Disabled: the session already open stops at once, and signing in is refused.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/staff/{id}/disable", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token!));
        Assert.NotEqual(HttpStatusCode.OK, (await SignInAsync(username, secret, 1)).Status);
        Assert.True((await AccountAsync(id)).GetProperty("disabled").GetBoolean());

        // Enabled again, it signs in.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/staff/{id}/enable", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(username, secret, 1)).Status);

        // A lost phone: a new authenticator; the old one's codes no longer sign in, the new one's do.
        var reset = await admin.PostAsJsonAsync($"/api/v1/staff/{id}/authenticator", new { });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var fresh = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, fresh);
        // Step 0 for both: the reset forgot the steps used, so only the secret tells them apart; and a code of the
        // present step stays good if the request crosses into the next one (a step in the past would not).
        Assert.NotEqual(HttpStatusCode.OK, (await SignInAsync(username, secret, 0)).Status);
        var (again, newToken) = await SignInAsync(username, fresh, 0);
        Assert.Equal(HttpStatusCode.OK, again);

        // Roles: made an auditor, the war room's pages close to them.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/staff/{id}/roles", new { roles = new[] { "auditor" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await MeAsync(newToken!));
        Assert.Equal(["auditor"], (await AccountAsync(id)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/staff/{id}/roles", new { roles = new[] { "owner" } })).StatusCode);
    }

    [Fact]
    public async Task TheWarRoomCannotLockItselfOutAndOnlyTheAdministratorManagesAccounts()
    {
        var me = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("staffId").GetInt32();
        var self = await admin.PostAsJsonAsync($"/api/v1/staff/{me}/disable", new { });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/staff/{me}/roles", new { roles = new[] { "auditor" } })).StatusCode);
        // A reset ends every session of the account: one's own would sign oneself out (the fuzz test's admin did so, and
        // every request after it answered 401).
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/staff/{me}/authenticator", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);

        using var dataEntry = app.CreateStaffClient("data-entry");
        Assert.Equal(HttpStatusCode.Forbidden, (await dataEntry.GetAsync("/api/v1/staff/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dataEntry.PostAsJsonAsync($"/api/v1/staff/{me}/disable", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dataEntry.GetAsync("/staff")).StatusCode);
        Assert.Contains("War-room accounts", await admin.GetStringAsync("/staff"));
    }
}
