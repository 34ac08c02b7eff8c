using System.Net;
using Microsoft.Extensions.Options;

namespace Sangathan.Messaging;

/// <summary>
/// Sends through Kannel's smsbox (GET /cgi-bin/sendsms), which speaks SMPP to the operator or aggregator. One try
/// per call: whether and when to try again is the caller's decision (a sign-in code, a broadcast).
/// </summary>
internal sealed class KannelSmsSender(HttpClient http, IOptions<SmsOptions> options, ILogger<KannelSmsSender> logger) : ISmsSender
{
    public async Task<SmsResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        if (message.Problem() is { } problem)
        {
            MessagingLog.Invalid(logger, problem);
            return SmsResult.Failed(problem);
        }
        var request = KannelRequest.SendSms(options.Value.Kannel, message);
        try
        {
            using var response = await http.GetAsync(request, ct);
            var answer = (await response.Content.ReadAsStringAsync(ct)).Trim();
            // "0: Accepted for delivery", or "3: Queued for later delivery" while the SMSC link is down.
            if (response.StatusCode == HttpStatusCode.Accepted && (answer.StartsWith("0:", StringComparison.Ordinal) ||
                                                                   answer.StartsWith("3:", StringComparison.Ordinal)))
            {
                MessagingLog.Accepted(logger, answer);
                return SmsResult.Sent(answer);
            }
            MessagingLog.Refused(logger, (int)response.StatusCode, answer);
            // 503 is smsbox's "queue full" or "not ready": it took nothing, and will take it later.
            return SmsResult.Failed($"Kannel refused the message (HTTP {(int)response.StatusCode}): {answer}", answer)
                with { Retryable = response.StatusCode == HttpStatusCode.ServiceUnavailable };
        }
        catch (HttpRequestException e)
        {
            MessagingLog.Unreachable(logger, e);
            // Only a connection that never opened proves that nothing was sent; a cut in the middle may follow acceptance.
            var neverConnected = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return SmsResult.Failed($"Kannel could not be reached: {e.Message}") with { Retryable = neverConnected, MaybeSent = !neverConnected };
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            MessagingLog.TimedOut(logger, options.Value.Kannel.TimeoutSeconds);
            return SmsResult.Failed($"Kannel did not answer within {options.Value.Kannel.TimeoutSeconds} s.") with { MaybeSent = true };
        }
    }
}
