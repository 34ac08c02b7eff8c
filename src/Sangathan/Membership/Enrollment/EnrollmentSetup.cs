using Microsoft.AspNetCore.Http.HttpResults;

namespace Sangathan.Membership;

/// <summary>Enrollment in the field: the JSON API the app and the offline queue use, and the member's confirmation.</summary>
internal static class EnrollmentSetup
{
    public static void AddEnrollment(this IServiceCollection services)
    {
        services.AddScoped<EnrollMember>();
        services.AddScoped<SaveEnrollment>();
        services.AddSingleton<Data.IdBlocks>();
        services.AddScoped<ConfirmMember>();
        services.AddScoped<ConfirmBySms>();
        services.AddScoped<MyEnrollments>();
        services.AddScoped<ResendConfirmation>();
        services.AddScoped<EnrollmentUnits>();
        services.AddScoped<EnrollerDay>();
        services.AddScoped<CorrectMember>();
    }

    public static void MapEnrollment(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/members").WithTags("Membership");
        api.MapPost("/", Enroll);
        api.MapGet("/mine", Mine);
        api.MapGet("/cash-book", CashBook);
        api.MapGet("/units", Units);
        api.MapPost("/{id:int}/confirmation", Resend);
        api.MapPut("/{id:int}", Correct);
    }

    /// <summary>201 for a new member; 200 with the same member when a retry repeats a request key already done.</summary>
    static async Task<IResult> Enroll(MemberInput input, EnrollMember enroll, CancellationToken ct)
    {
        var result = await enroll.RunAsync(input, null, ct);
        return result.Outcome.ToHttp(id => result.Replayed
            ? TypedResults.Ok(result.Member)
            : TypedResults.Created($"/api/v1/members/{id}", result.Member));
    }

    static async Task<Results<Ok<EnrollmentPage>, ForbidHttpResult>> Mine(int? before, MemberStatus? status, MyEnrollments query, CancellationToken ct) =>
        await query.ListAsync(before, ct, status is { } s ? [s] : null) is { } page ? TypedResults.Ok(page) : TypedResults.Forbid();

    static async Task<Results<Ok<CashBook>, ForbidHttpResult>> CashBook(MyEnrollments query, CancellationToken ct) =>
        await query.CashBookAsync(ct) is { } book ? TypedResults.Ok(book) : TypedResults.Forbid();

    static async Task<Results<Ok<IReadOnlyList<EnrollmentUnit>>, NotFound>> Units(int? parentId, EnrollmentUnits query, CancellationToken ct) =>
        await query.ListAsync(parentId, ct) is { } units ? TypedResults.Ok(units) : TypedResults.NotFound();

    /// <summary>A correction: by the enroller of a member sent back to them, or by the district or war room with a reason.</summary>
    static async Task<IResult> Correct(int id, MemberCorrection input, CorrectMember correct, CancellationToken ct)
    {
        var (outcome, member) = await correct.RunAsync(id, input, null, ct);
        return outcome.ToHttp(_ => TypedResults.Ok(member));
    }

    static async Task<IResult> Resend(int id, ResendConfirmation resend, CancellationToken ct) =>
        (await resend.RunAsync(id, ct)).ToHttp(_ => TypedResults.NoContent());
}
