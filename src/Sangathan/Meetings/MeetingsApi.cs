using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Sangathan.Broadcasts;
using Sangathan.Membership;
using Sangathan.Platform;

namespace Sangathan.Meetings;

public sealed record AnswerInput(Answer? Answer);

public sealed record CheckInCodeInput(string? Mobile);

public sealed record CheckInInput(string? Mobile, string? Code, string? Proof, string? Chosen);

/// <summary>The meetings' JSON API under /api/v1, for the mobile app: the same use cases as the pages.</summary>
internal static class MeetingsApi
{
    public static void MapMeetingsApi(this WebApplication app)
    {
        var units = app.MapGroup("/api/v1/units/{id:int}/meetings").WithTags("Meetings");
        units.MapGet("/", async (int id, DateTime? before, GetMeeting get, CancellationToken ct) =>
            await get.OfUnitAsync(id, before, ct) is { } list ? Results.Ok(list) : Results.NotFound());
        units.MapGet("/report", async (int id, string? level, bool? without, MeetingReports reports, CancellationToken ct) =>
            await reports.UnitAsync(id, level, without == true, ct) is { } report ? Results.Ok(report) : Results.NotFound())
            .WithDescription("Meetings by month and by unit under the unit for 12 months; without=true: only the units that held none this month");
        units.MapGet("/report.xlsx", UnitXlsx);
        app.MapGet("/units/{id:int}/meetings/report.xlsx", UnitXlsx).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        api.MapPost("/", async (MeetingInput input, CreateMeeting create, CancellationToken ct) =>
            (await create.RunAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/meetings/{id}", new { id })));
        api.MapGet("/{id:int}", async (int id, GetMeeting get, CancellationToken ct) =>
            await get.RunAsync(id, ct) is { } view ? Results.Ok(view) : Results.NotFound());
        api.MapPut("/{id:int}", async (int id, MeetingChange input, ChangeMeeting change, CancellationToken ct) =>
            (await change.EditAsync(id, input, ct)).ToHttp(_ => TypedResults.NoContent()));
        api.MapPost("/{id:int}/cancel", async (int id, ChangeMeeting change, CancellationToken ct) =>
            (await change.CancelAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));
        api.MapGet("/{id:int}/attendees", async (int id, long? after, bool? present, GetMeeting get, CancellationToken ct) =>
            await get.AttendeesAsync(id, after, present == true, ct) is { } page ? Results.Ok(page) : Results.NotFound());
        api.MapGet("/{id:int}/attendance.xlsx", MeetingXlsx);
        app.MapGet("/meetings/{id:int}/attendance.xlsx", MeetingXlsx).ExcludeFromDescription();
        api.MapPost("/{id:int}/scans", Scan).WithDescription("A member card scanned by the organizer; the key makes a repeated sync mark once");
        api.MapPost("/{id:int}/attendance", async (int id, HandMark input, MarkByHand mark, CancellationToken ct) =>
            (await mark.RunAsync(id, input, ct)).ToHttp(invitee => TypedResults.Ok(new { invitee })));
        api.MapPut("/{id:int}/minutes", async (int id, MinutesInput input, RecordMinutes minutes, CancellationToken ct) =>
            (await minutes.SaveAsync(id, input, ct)).ToHttp(_ => TypedResults.NoContent()));
        api.MapPost("/{id:int}/photos", async (int id, IFormFile? photo, RecordMinutes minutes, CancellationToken ct) =>
            (await minutes.AddPhotoAsync(id, await MemberPhoto.ReadUploadAsync(photo, ct), ct))
                .ToHttp(p => TypedResults.Created($"/api/v1/meetings/{id}/photos/{p}", new { id = p }))).DisableAntiforgery();
        api.MapGet("/{id:int}/photos/{photoId:int}", Photo);
        app.MapGet("/meetings/{id:int}/photos/{photoId:int}", Photo).ExcludeFromDescription();
        api.MapGet("/{id:int}/check-in", async (int id, GetMeeting get, MeetingLinks links, CancellationToken ct) =>
            await get.RunAsync(id, ct) is { } m ? m.MayRecord ? Results.Ok(new { url = links.CheckIn(id) }) : Results.StatusCode(StatusCodes.Status403Forbidden)
            : Results.NotFound()).WithDescription("The text of the meeting's own QR, for the organizer's phone to show");
        api.MapPost("/{id:int}/answer", async (int id, AnswerInput input, AnswerMeeting answer, CancellationToken ct) =>
            (await answer.MineAsync(id, input.Answer, ct)).ToHttp(_ => TypedResults.NoContent())).WithDescription("The signed-in office bearer's own answer");

        // Open to all: the answer link and the check-in QR are their own authorization.
        api.MapGet("/answers/{token}", async (string token, AnswerMeeting answer, CancellationToken ct) =>
            await answer.ShowAsync(token, ct) is { } shown ? Results.Ok(shown) : Results.NotFound()).AllowAnonymous();
        api.MapPost("/answers/{token}", async (string token, AnswerInput input, AnswerMeeting answer, CancellationToken ct) =>
            (await answer.ByLinkAsync(token, input.Answer, ct)).ToHttp(_ => TypedResults.NoContent())).AllowAnonymous();
        api.MapPost("/check-in/{token}/code", async (string token, CheckInCodeInput input, CheckIn checkIn, HttpContext http, CancellationToken ct) =>
            Answered(await checkIn.SendCodeAsync(token, input.Mobile, http.Connection.RemoteIpAddress?.ToString(), ct))).AllowAnonymous();
        api.MapPost("/check-in/{token}", async (string token, CheckInInput input, CheckIn checkIn, HttpContext http, CancellationToken ct) =>
            Answered(await checkIn.ConfirmAsync(token, input.Mobile, input.Code, input.Proof, input.Chosen, http.Connection.RemoteIpAddress?.ToString(), ct))).AllowAnonymous();

        app.MapGet("/api/v1/people/{id:int}/meetings", async (int id, MeetingReports reports, CancellationToken ct) =>
            await reports.HistoryAsync(RecipientKind.Person, id, ct) is { } h ? Results.Ok(h) : Results.NotFound()).WithTags("Meetings");
        app.MapGet("/api/v1/members/{id:int}/meetings", async (int id, MeetingReports reports, CancellationToken ct) =>
            await reports.HistoryAsync(RecipientKind.Member, id, ct) is { } h ? Results.Ok(h) : Results.NotFound()).WithTags("Meetings");
    }

    /// <summary>A check-in's answer: 200 when it went through or needs a choice, 4xx with the message otherwise.</summary>
    internal static IResult Answered(CheckInResult r) => r.State switch
    {
        CheckInState.CheckedIn or CheckInState.Choose => TypedResults.Ok(r),
        CheckInState.Invalid => TypedResults.NotFound(),
        CheckInState.Locked => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status429TooManyRequests),
        CheckInState.Closed => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status403Forbidden, title: "Closed"),
        _ => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    /// <summary>A scan's answer: 200 for a genuine card (marked now, or before), 422 with the verdict and its message otherwise.</summary>
    internal static IResult Scanned((ScanResult? Result, bool Forbidden) scan) => scan switch
    {
        ({ Present: true } r, _) => TypedResults.Ok(r),
        ({ } r, _) => TypedResults.Json(r, statusCode: StatusCodes.Status422UnprocessableEntity),
        (null, true) => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
        _ => TypedResults.NotFound(),
    };

    static async Task<IResult> Scan(int id, ScanInput input, ScanCard scan, CancellationToken ct) => Scanned(await scan.RunAsync(id, input, ct));

    static async Task<IResult> Photo(int id, int photoId, RecordMinutes minutes, CancellationToken ct) =>
        await minutes.PhotoAsync(id, photoId, ct) is { } p ? TypedResults.File(p.Content, p.ContentType) : TypedResults.NotFound();

    static async Task<IResult> UnitXlsx(int id, string? level, MeetingExports exports, HttpContext http, CancellationToken ct) =>
        await Download(http, (output, name) => exports.UnitAsync(id, level, output, name, ct));

    static async Task<IResult> MeetingXlsx(int id, MeetingExports exports, HttpContext http, CancellationToken ct) =>
        await Download(http, (output, name) => exports.MeetingAsync(id, output, name, ct));

    static async Task<IResult> Download(HttpContext http, Func<Stream, Action<string>, Task<ExportAnswer>> write)
    {
        var answer = await write(http.Response.Body, name =>
        {
            http.Response.ContentType = MeetingExports.ContentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(name);
            http.Response.Headers.ContentDisposition = disposition.ToString();
        });
        return answer switch
        {
            ExportAnswer.Written => TypedResults.Empty,
            ExportAnswer.Forbidden => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
            _ => TypedResults.NotFound(),
        };
    }
}
