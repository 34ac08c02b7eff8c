using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Platform;

namespace Sangathan.Access;

public sealed record StaffInput(string? Username, string? DisplayName, string? Password, string[]? Roles);

public sealed record RolesInput(string[]? Roles);

public sealed record PasswordInput(string? Password);

/// <summary>The authenticator to set up: its secret and the otpauth:// address a phone's app reads from a QR code.</summary>
public sealed record AuthenticatorSecret(int Id, string Secret, string Uri);

/// <summary>War-room accounts, for the state administrator.</summary>
public static class StaffApi
{
    public static WebApplicationBuilder AddStaffAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListStaff>();
        builder.Services.AddScoped<ChangeStaff>();
        return builder;
    }

    public static void MapStaffApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/staff").WithTags("War-room accounts").RequireAuthorization(AccessPolicies.Admin);
        api.MapGet("/", async Task<Ok<IReadOnlyList<StaffAccount>>> (ListStaff list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)));
        api.MapPost("/", Add);
        api.MapPost("/{id:int}/disable", async (int id, ChangeStaff change, CancellationToken ct) =>
            (await change.DisableAsync(id, ct)).ToHttp(id => TypedResults.Ok(new Organization.CreatedId(id))));
        api.MapPost("/{id:int}/enable", async (int id, ChangeStaff change, CancellationToken ct) =>
            (await change.EnableAsync(id, ct)).ToHttp(id => TypedResults.Ok(new Organization.CreatedId(id))));
        api.MapPut("/{id:int}/roles", async (int id, RolesInput input, ChangeStaff change, CancellationToken ct) =>
            (await change.ChangeRolesAsync(id, input.Roles, ct)).ToHttp(id => TypedResults.Ok(new Organization.CreatedId(id))));
        api.MapPost("/{id:int}/authenticator", async (int id, PasswordInput input, ChangeStaff change, CancellationToken ct) =>
        {
            var (outcome, secret) = await change.ResetAuthenticatorAsync(id, input.Password, ct);
            return outcome.ToHttp(id => TypedResults.Ok(new AuthenticatorSecret(id, secret!.Secret, secret.Uri)));
        });
    }

    /// <summary>The authenticator's secret is in this one answer only: it is not shown again.</summary>
    static async Task<IResult> Add(StaffInput input, AddStaff add, CancellationToken ct)
    {
        var username = (input.Username ?? "").Trim();
        var (outcome, secret) = await add.RunAsync(new NewStaff(username, input.DisplayName ?? "", input.Password ?? "", input.Roles ?? []), ct);
        return outcome.ToHttp(id => TypedResults.Created($"/api/v1/staff/{id}",
            new AuthenticatorSecret(id, secret!, AddStaff.AuthenticatorUri(username.ToLowerInvariant(), secret!))));
    }
}
