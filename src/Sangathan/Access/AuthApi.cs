using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Access;

public sealed record CodeRequest(string? Mobile);
public sealed record CodeSignInRequest(string? Mobile, string? Code);
public sealed record StaffSignInRequest(string? Username, string? Password, string? Code);
public sealed record Message(string Text);
public sealed record Me(int? PersonId, int? StaffId, IReadOnlyCollection<string> Roles, IReadOnlyList<Scope> Scopes);

/// <summary>Sign-in for the mobile app: the same checks as the pages, answered with a bearer token.</summary>
public static class AuthApi
{
    public static void MapAuthApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        api.MapPost("/code", RequestCode).AllowAnonymous();
        api.MapPost("/token", CodeToken).AllowAnonymous();
        api.MapPost("/staff-token", StaffToken).AllowAnonymous();
        api.MapPost("/sign-out", SignOut);
        api.MapPost("/sign-out-everywhere", SignOutEverywhere);
        app.MapGet("/api/v1/me", GetMe).WithTags("Sign-in");
    }

    static async Task<Results<Accepted<Message>, ValidationProblem, ProblemHttpResult>> RequestCode(CodeRequest body, CodeSignIn signIn, HttpContext http, CancellationToken ct) =>
        await signIn.RequestAsync(body.Mobile, Ip(http), ct) switch
        {
            CodeRequestResult.InvalidNumber => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Mobile"] = [T("Enter a valid Indian mobile number of 10 digits.")] }),
            CodeRequestResult.TooMany => TypedResults.Problem(T("Too many codes were asked for. Please wait a few minutes and try again."), statusCode: 429),
            _ => TypedResults.Accepted((string?)null, new Message(T("If this number belongs to an office bearer, a code has been sent to it."))),
        };

    static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> CodeToken(CodeSignInRequest body, CodeSignIn signIn, HttpContext http, CancellationToken ct)
    {
        var (session, refused) = await signIn.VerifyAsync(body.Mobile, body.Code, Ip(http), ct);
        return session is not null ? TypedResults.Ok(session) : Refused(refused);
    }

    static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> StaffToken(StaffSignInRequest body, StaffSignIn signIn, HttpContext http, CancellationToken ct)
    {
        var (session, refused) = await signIn.RunAsync(body.Username, body.Password, body.Code, Ip(http), ct);
        return session is not null ? TypedResults.Ok(session) : Refused(refused);
    }

    static async Task<NoContent> SignOut(ClaimsPrincipal user, Sessions sessions, CancellationToken ct)
    {
        if (long.TryParse(user.FindFirstValue(SessionClaims.SessionId), out var id)) await sessions.EndAsync(id, ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> SignOutEverywhere(Jurisdiction jurisdiction, Sessions sessions, CancellationToken ct)
    {
        var access = await jurisdiction.GetAsync(ct);
        await sessions.EndAllAsync(access.PersonId, access.StaffId, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<Me>> GetMe(Jurisdiction jurisdiction, CancellationToken ct)
    {
        var a = await jurisdiction.GetAsync(ct);
        return TypedResults.Ok(new Me(a.PersonId, a.StaffId, a.Roles, a.Scopes));
    }

    /// <summary>
    /// One answer for every refusal, so that a wrong code and an unknown number look the same; and one for an address
    /// that failed too often, which says nothing of the number or account either.
    /// </summary>
    public static ProblemHttpResult Refused(bool tooMany) =>
        TypedResults.Problem(RefusalText(tooMany), statusCode: RefusalStatus(tooMany));

    public static string RefusalText(bool tooMany) => tooMany
        ? T("Too many wrong attempts from here. Please wait a while and try again.")
        : T("That did not match. Check what you entered and try again.");

    public static int RefusalStatus(bool tooMany) => tooMany ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;

    /// <summary>The client's address: the peer's, or the one a configured proxy forwarded (see <c>Platform/Network.cs</c>).</summary>
    public static string? Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
