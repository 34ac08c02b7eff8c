using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Sangathan.Messaging;

/// <summary>
/// The WhatsApp Business Cloud API's messages endpoint, as Meta documents it:
/// POST {base}/{version}/{phone-number-id}/messages with a bearer token and a template message; the answer names
/// the message ("messages":[{"id":"wamid..."}]) or the error ("error":{"code":...,"message":...}).
/// </summary>
internal sealed class CloudApiWhatsAppSender(HttpClient http, IOptions<WhatsAppOptions> options, ILogger<CloudApiWhatsAppSender> logger) : IWhatsAppSender
{
    // Throughput and pair-rate limits: the message was not sent, and may be later.
    static readonly HashSet<int> PassingErrors = [4, 80007, 130429, 131056, 131057];

    public async Task<WhatsAppResult> SendAsync(WhatsAppMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var body = new
        {
            messaging_product = "whatsapp",
            recipient_type = "individual",
            to = message.To.TrimStart('+'),
            type = "template",
            biz_opaque_callback_data = message.Reference,
            template = new
            {
                name = message.Template,
                language = new { code = message.Language },
                components = message.Parameters.Count == 0 ? [] : new object[]
                {
                    new { type = "body", parameters = message.Parameters.Select(p => new { type = "text", text = p }).ToArray() },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.BaseUrl.TrimEnd('/')}/{o.Version}/{o.PhoneNumberId}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var answer = await response.Content.ReadFromJsonAsync<Answer>(ct);
            if (response.IsSuccessStatusCode && answer?.Messages is [{ Id: { Length: > 0 } id }, ..])
                return new WhatsAppResult(true, id, null);
            var code = answer?.Error?.Code ?? 0;
            MessagingLog.WhatsAppRefused(logger, (int)response.StatusCode, code);
            return new WhatsAppResult(false, null, $"WhatsApp refused it (HTTP {(int)response.StatusCode}, code {code}): {answer?.Error?.Message}")
            {
                Retryable = PassingErrors.Contains(code) || response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
            };
        }
        catch (HttpRequestException e)
        {
            MessagingLog.WhatsAppUnreachable(logger, e);
            var neverConnected = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return new WhatsAppResult(false, null, $"WhatsApp could not be reached: {e.Message}") { Retryable = neverConnected, MaybeSent = !neverConnected };
        }
        catch (JsonException e)
        {
            return new WhatsAppResult(false, null, $"WhatsApp's answer was not its JSON: {e.Message}") { MaybeSent = true };
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WhatsAppResult(false, null, $"WhatsApp did not answer within {o.TimeoutSeconds} s.") { MaybeSent = true };
        }
    }

    sealed record Answer([property: JsonPropertyName("messages")] List<Sent>? Messages, [property: JsonPropertyName("error")] Problem? Error);
    sealed record Sent([property: JsonPropertyName("id")] string? Id);
    sealed record Problem([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("message")] string? Message);
}
