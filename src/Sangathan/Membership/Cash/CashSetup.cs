using Microsoft.AspNetCore.Http.HttpResults;
using Sangathan.Access;

namespace Sangathan.Membership;

/// <summary>Cash books: what each enroller owes of the fees they took in cash, and the deposits the war room records.</summary>
internal static class CashSetup
{
    public static void AddCash(this IServiceCollection services) => services.AddScoped<CashBooks>();

    public static void MapCash(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/cash-books").WithTags("Membership").RequireAuthorization(AccessPolicies.WarRoom);
        api.MapGet("/", async Task<Results<Ok<IReadOnlyList<EnrollerCash>>, ForbidHttpResult>> (CashBooks books, CancellationToken ct) =>
            await books.OwingAsync(ct) is { } owing ? TypedResults.Ok(owing) : TypedResults.Forbid());
        api.MapGet("/{personId:int}", async Task<Results<Ok<EnrollerBook>, NotFound>> (int personId, CashBooks books, CancellationToken ct) =>
            await books.BookAsync(personId, ct) is { } book ? TypedResults.Ok(book) : TypedResults.NotFound());
        api.MapPost("/{personId:int}/deposits", async (int personId, DepositInput input, CashBooks books, CancellationToken ct) =>
            (await books.DepositAsync(personId, input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/cash-books/{personId}", new { id })));
    }
}
