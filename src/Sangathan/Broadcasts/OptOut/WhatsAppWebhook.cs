using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sangathan.Messaging;

namespace Sangathan.Broadcasts;

/// <summary>
/// WhatsApp's one webhook for the app, as Meta documents it: a GET that subscribes it (hub.mode, hub.verify_token,
/// hub.challenge) and POSTs signed with the app secret (X-Hub-Signature-256: sha256= and the HMAC-SHA256 of the body in
/// hex). A POST carries our messages' statuses (sent, delivered, read, failed) and the messages people send the party's
/// number: a STOP written or tapped on a quick-reply button stops WhatsApp to that number. Meta retries what is not
/// answered 200, so everything here may come twice: a status applies once, an opt-out is kept once.
/// </summary>
internal static class WhatsAppWebhook
{
    const int MaxBody = 1_000_000;

    public static IResult Verify(HttpRequest request, IOptions<WhatsAppOptions> options)
    {
        var q = request.Query;
        return q["hub.mode"] == "subscribe" && DeliveryReportsApi.Same(q["hub.verify_token"].ToString(), options.Value.VerifyToken)
            && q["hub.challenge"].ToString() is { Length: > 0 } challenge
            ? Results.Text(challenge) : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    public static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<WhatsAppOptions> options, ReportWriter writer, StopChannel stop,
        TimeProvider clock, CancellationToken ct)
    {
        var secret = options.Value.AppSecret;
        if (secret.Length == 0) return Results.NotFound();
        if (request.ContentLength > MaxBody) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBody) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var body = buffer.ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        if (!DeliveryReportsApi.Same(request.Headers["X-Hub-Signature-256"].ToString(), expected)) return Results.Unauthorized();
        if (WhatsAppEvents.Read(body, clock.GetUtcNow().UtcDateTime) is not { } events) return Results.BadRequest();
        try
        {
            foreach (var from in events.Stops.Distinct()) await stop.ByWhatsAppReplyAsync(from, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Meta keeps the webhook and sends it again.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return await DeliveryReportsApi.WriteAsync(writer, events.Reports, ct);
    }
}
