using Microsoft.AspNetCore.Authorization;

namespace Sangathan.Access;

public static class AccessSetup
{
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        builder.Services.AddAuthentication(SessionAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        // Everything needs a signed-in caller unless it says otherwise (sign-in, health, language, API description).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccessPolicies.WarRoom, p => p.RequireRole(StaffRoles.Admin, StaffRoles.DataEntry))
            .AddPolicy(AccessPolicies.Admin, p => p.RequireRole(StaffRoles.Admin))
            .AddPolicy(AccessPolicies.Auditor, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Auditor));
        builder.Services.AddScoped<Jurisdiction>();
        builder.Services.AddScoped<Door>();
        builder.Services.AddScoped<IAuthorizationHandler, UnitAuthorization>();
        builder.Services.AddScoped<IAuthorizationHandler, PersonAuthorization>();
        builder.Services.AddScoped<IAuthorizationHandler, MemberAuthorization>();
        builder.Services.AddScoped<IAuthorizationHandler, MeetingAuthorization>();
        builder.Services.AddScoped<IAuthorizationHandler, BroadcastAuthorization>();
        builder.Services.AddScoped<IAuthorizationHandler, GrantAuthorization>();
        builder.Services.AddScoped<Sessions>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<OneTimeCodes>();
        builder.Services.AddScoped<CodeSignIn>();
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.AddScoped<AddStaff>();
        builder.Services.AddSingleton<CodeHasher>();
        return builder;
    }

    public static void UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
    }
}
