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
        services.AddScoped<MyEnrollments>();
        services.AddScoped<ResendConfirmation>();
        services.AddScoped<EnrollmentUnits>();
    }

    public static void MapEnrollment(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/members").WithTags("Membership");
        api.MapPost("/", Enroll);
        api.MapGet("/mine", Mine);
        api.MapGet("/cash-book", CashBook);
        api.MapGet("/units", Units);
        api.MapPost("/{id:int}/confirmation", Resend);
    }

    /// <summary>201 for a new member; 200 with the same member when a retry repeats a request key already done.</summary>
    static async Task<IResult> Enroll(MemberInput input, EnrollMember enroll, CancellationToken ct)
    {
        var result = await enroll.RunAsync(input, null, ct);
        return result.Outcome.ToHttp(id => result.Replayed
            ? TypedResults.Ok(result.Member)
            : TypedResults.Created($"/api/v1/members/{id}", result.Member));
    }

    static async Task<Results<Ok<EnrollmentPage>, ForbidHttpResult>> Mine(int? before, MyEnrollments query, CancellationToken ct) =>
        await query.ListAsync(before, ct) is { } page ? TypedResults.Ok(page) : TypedResults.Forbid();

    static async Task<Results<Ok<CashBook>, ForbidHttpResult>> CashBook(MyEnrollments query, CancellationToken ct) =>
        await query.CashBookAsync(ct) is { } book ? TypedResults.Ok(book) : TypedResults.Forbid();

    static async Task<Results<Ok<IReadOnlyList<EnrollmentUnit>>, NotFound>> Units(int? parentId, EnrollmentUnits query, CancellationToken ct) =>
        await query.ListAsync(parentId, ct) is { } units ? TypedResults.Ok(units) : TypedResults.NotFound();

    static async Task<IResult> Resend(int id, ResendConfirmation resend, CancellationToken ct) =>
        (await resend.RunAsync(id, ct)).ToHttp(_ => TypedResults.NoContent());
}
