using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sangathan.Messaging;

namespace Sangathan.Broadcasts;

/// <summary>
/// The gateways' callbacks, open without a session since Kannel and Meta hold none: Kannel's delivery reports
/// (GET, at the address given in each message's dlr-url, which carries a secret path segment), the SMS people send the
/// party's number, and WhatsApp's webhook (<see cref="WhatsAppWebhook"/>).
/// </summary>
internal static class DeliveryReportsApi
{
    // Under /api: their answers are plain status codes, never the people's error pages.
    public static void MapDeliveryReports(this WebApplication app)
    {
        app.MapGet("/api/v1/sms/dlr/{secret}", KannelReport).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/v1/sms/mo/{secret}", SmsReply).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/v1/whatsapp/webhook", WhatsAppWebhook.Verify).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/api/v1/whatsapp/webhook", WhatsAppWebhook.ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
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
    /// same secret path segment as the reports): STOP stops SMS to that mobile; a new member's code confirms their mobile
    /// (<see cref="Membership.ConfirmBySms"/>, which thanks them). Nothing is sent back in the answer, since every text
    /// sent needs its DLT registration.
    /// </summary>
    static async Task<IResult> SmsReply(string secret, string? from, string? text, IOptions<SmsOptions> sms, StopChannel stop,
        Membership.ConfirmBySms confirm, CancellationToken ct)
    {
        if (!Same(secret, sms.Value.Kannel.DlrSecret)) return Results.NotFound();
        if (OptOutWords.IsStop(text)) await stop.BySmsReplyAsync(from, ct);
        else await confirm.RunAsync(from, text, ct);
        return Results.Text("");
    }

    internal static async Task<IResult> WriteAsync(ReportWriter writer, List<Report> reports, CancellationToken ct)
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

    internal static bool Same(string given, string? expected) =>
        expected is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
