namespace Sangathan.Membership;

/// <summary>
/// The membership drive: authorizations (Grants), enrollment in the field (Enrollment), joining online with the fee
/// (Joining), enrollers' cash (Cash), and scrutiny and counts (Scrutiny). Each part registers its own services and endpoints.
/// </summary>
public static class MembershipSetup
{
    public static void AddMembership(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MembershipOptions>().BindConfiguration(MembershipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<EnrollmentRights>();
        builder.Services.AddScoped<VoterIdHolds>();
        builder.Services.AddScoped<ConsentNotices>();
        builder.Services.AddSingleton<ConsentNotices.Known>();
        builder.Services.AddSingleton<BoothLevel>();
        builder.Services.AddOptions<FlagOptions>().BindConfiguration(FlagOptions.Section);
        builder.Services.AddSingleton<MemberFlagger>();
        builder.Services.AddHostedService<FlagWorker>();
        builder.Services.AddHostedService<TallyWorker>();
        builder.Services.AddScoped<MemberCountsQuery>();
        builder.Services.AddGrants();
        builder.Services.AddEnrollment();
        builder.Services.AddJoining();
        builder.Services.AddCash();
        builder.Services.AddScrutiny();
    }

    public static void MapMembership(this WebApplication app)
    {
        app.MapGet("/api/v1/units/{id:int}/members/counts", async (int id, MemberCountsQuery query, CancellationToken ct) =>
            await query.RunAsync(id, ct) is { } counts ? Results.Ok(counts) : Results.NotFound()).WithTags("Membership");
        app.MapGrants();
        app.MapEnrollment();
        app.MapJoining();
        app.MapCash();
        app.MapScrutiny();
    }
}
