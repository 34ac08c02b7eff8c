using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sangathan.Messaging;

namespace Sangathan.Broadcasts;

/// <summary>
/// The gateways' callbacks, open without a session since Kannel and Meta hold none: Kannel's delivery reports
/// (GET, at the address given in each message's dlr-url, which carries a secret path segment) and WhatsApp's status
/// webhook (its verification GET with the verify token, and POSTs signed with the app secret).
/// </summary>
internal static class DeliveryReportsApi
{
    // Under /api: their answers are plain status codes, never the people's error pages.
    public static void MapDeliveryReports(this WebApplication app)
    {
        app.MapGet("/api/v1/sms/dlr/{secret}", KannelReport).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/v1/sms/mo/{secret}", SmsReply).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/v1/whatsapp/webhook", VerifyWebhook).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/api/v1/whatsapp/webhook", WhatsAppStatuses).AllowAnonymous().ExcludeFromDescription();
    }

    static async Task<IResult> KannelReport(string secret, string? @ref, int? status, string? reply, string? fid,
        IOptions<SmsOptions> sms, ReportWriter writer, TimeProvider clock, CancellationToken ct)
    {
        if (!Same(secret, sms.Value.Kannel.DlrSecret)) return Results.NotFound();
        if (!long.TryParse(@ref, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || status is not { } s || Report.FromKannel(s) is not { } kind)
            return Results.BadRequest();
        return await WriteAsync(writer, [new Report(id, kind, reply, fid, clock.GetUtcNow().UtcDateTime)], ct);
    }

    /// <summary>
    /// An SMS someone sent to the party's number, as Kannel's smsbox hands it on (its sms-service get-url, behind the
    /// same secret path segment as the reports): STOP stops SMS to that mobile. Nothing is sent back, since every text
    /// sent needs its DLT registration.
    /// </summary>
    static async Task<IResult> SmsReply(string secret, string? from, string? text, IOptions<SmsOptions> sms, StopChannel stop, CancellationToken ct)
    {
        if (!Same(secret, sms.Value.Kannel.DlrSecret)) return Results.NotFound();
        if (OptOutWords.IsStop(text)) await stop.BySmsReplyAsync(from, ct);
        return Results.Text("");
    }

    static IResult VerifyWebhook(HttpRequest request, IOptions<WhatsAppOptions> options)
    {
        var q = request.Query;
        return q["hub.mode"] == "subscribe" && Same(q["hub.verify_token"].ToString(), options.Value.VerifyToken) && q["hub.challenge"].ToString() is { Length: > 0 } challenge
            ? Results.Text(challenge) : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    static async Task<IResult> WhatsAppStatuses(HttpRequest request, IOptions<WhatsAppOptions> options, ReportWriter writer, TimeProvider clock, CancellationToken ct)
    {
        if (request.ContentLength > 1_000_000) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var secret = options.Value.AppSecret;
        if (secret.Length == 0) return Results.NotFound();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        if (!Same(request.Headers["X-Hub-Signature-256"].ToString(), expected)) return Results.Unauthorized();
        List<Report> reports;
        try
        {
            reports = StatusesIn(body, clock.GetUtcNow().UtcDateTime);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        return await WriteAsync(writer, reports, ct);
    }

    /// <summary>entry[].changes[].value.statuses[]: {id, status, biz_opaque_callback_data, errors[{code, title, message}]}.</summary>
    internal static List<Report> StatusesIn(byte[] body, DateTime at)
    {
        using var doc = JsonDocument.Parse(body);
        var reports = new List<Report>();
        foreach (var entry in Array(doc.RootElement, "entry"))
            foreach (var change in Array(entry, "changes"))
                if (change.TryGetProperty("value", out var value))
                    foreach (var s in Array(value, "statuses"))
                    {
                        var kind = Report.FromWhatsApp(Str(s, "status"));
                        if (kind is null || !long.TryParse(Str(s, "biz_opaque_callback_data"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
                        var error = Array(s, "errors").Select(e => $"{(e.TryGetProperty("code", out var c) ? c.ToString() : "")} {Str(e, "title") ?? Str(e, "message")}".Trim())
                            .FirstOrDefault();
                        reports.Add(new Report(id, kind.Value, error, Str(s, "id"), at));
                    }
        return reports;
    }

    static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static async Task<IResult> WriteAsync(ReportWriter writer, List<Report> reports, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(reports.Select(r => writer.WriteAsync(r, ct)));
            return Results.Text("OK");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The gateway keeps the report and calls again.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    static bool Same(string given, string? expected) =>
        expected is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
