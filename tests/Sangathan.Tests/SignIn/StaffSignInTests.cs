using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sangathan.Access;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.SignIn;

public sealed class StaffSignInTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient anonymous = app.CreateClient();

    async Task<(string Name, string Secret)> StaffAsync()
    {
        var name = $"ops{Guid.NewGuid():N}"[..12];
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        using var scope = app.Services.CreateScope();
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
            .RunAsync(new NewStaff(name, "Ops", "a-long-password-1", [StaffRoles.Admin], secret));
        Assert.True(outcome.Succeeded);
        return (name, secret);
    }

    [Fact]
    public async Task PasswordAndAuthenticatorCodeSignInOnceAndACodeCannotBeReplayed()
    {
        var (name, secret) = await StaffAsync();
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp();

        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/staff-token", new { username = name, password = "a-long-password-1", code });
        var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/staff-token", new { username = name, password = "a-long-password-1", code });
        var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/staff-token", new { username = name, password = "guess", code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(await Detail(replay), await Detail(wrongPassword));
    }

    static async Task<string?> Detail(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString();

    [Fact]
    public async Task AnUnknownAccountIsRefusedLikeAWrongPassword()
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/staff-token", new { username = "nobody-here", password = "x", code = "123456" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not match", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheStoredPasswordIsAnIdentityHashNotThePassword()
    {
        var (name, _) = await StaffAsync();
        var hash = await app.WithDb(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<StaffMember>(), s => s.Username == name)).PasswordHash);
        Assert.DoesNotContain("a-long-password-1", hash);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // Identity v3 format marker
    }
}
