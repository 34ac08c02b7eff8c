using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sangathan.Tests.Infrastructure;

/// <summary>One template message the stand-in took, as the Cloud API's JSON had it.</summary>
public sealed record WhatsAppSent(string Id, string To, string Template, string Language, IReadOnlyList<string> Parameters, string? CallbackData);

/// <summary>
/// A local stand-in for the WhatsApp Business Cloud API, speaking its documented contract: POST
/// /{version}/{phone-number-id}/messages with a bearer token and a template message, answered with
/// {"messaging_product":"whatsapp","messages":[{"id":"wamid..."}]} or {"error":{...}}; and it makes the webhooks Meta
/// would post to the app, signed with X-Hub-Signature-256 (HMAC-SHA256 of the body with the app secret): a message's
/// status, a text someone wrote to the party's number, a quick-reply button they tapped.
/// </summary>
public sealed class WhatsAppStandIn : IAsyncDisposable
{
    public const string Token = "test-access-token", PhoneNumberId = "1098765432", Number = "15550001111", AppSecret = "test-app-secret", Version = "v21.0";
    readonly WebApplication app;
    public ConcurrentQueue<WhatsAppSent> Sent { get; } = new();
    /// <summary>Numbers (digits only) WhatsApp does not reach: answered with error 131026, "Message undeliverable".</summary>
    public ConcurrentDictionary<string, bool> Unreachable { get; } = new();

    public WhatsAppStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/{version}/{phone}/messages", Messages);
    }

    public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    public async Task StartAsync() => await app.StartAsync();

    async Task<IResult> Messages(string version, string phone, HttpRequest request)
    {
        if (request.Headers.Authorization != $"Bearer {Token}" || phone != PhoneNumberId || version != Version)
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 401);
        using var doc = await JsonDocument.ParseAsync(request.Body);
        var root = doc.RootElement;
        var to = root.GetProperty("to").GetString()!;
        if (root.GetProperty("messaging_product").GetString() != "whatsapp" || root.GetProperty("type").GetString() != "template")
            return Results.Json(new { error = new { message = "Invalid parameter", type = "OAuthException", code = 100 } }, statusCode: 400);
        if (Unreachable.ContainsKey(to))
            return Results.Json(new { error = new { message = "Message undeliverable", type = "OAuthException", code = 131026 } }, statusCode: 400);
        var template = root.GetProperty("template");
        var parameters = template.TryGetProperty("components", out var components)
            ? components.EnumerateArray().SelectMany(c => c.GetProperty("parameters").EnumerateArray()).Select(p => p.GetProperty("text").GetString()!).ToList()
            : [];
        var id = $"wamid.{Guid.NewGuid():N}";
        Sent.Enqueue(new WhatsAppSent(id, to, template.GetProperty("name").GetString()!, template.GetProperty("language").GetProperty("code").GetString()!,
            parameters, root.TryGetProperty("biz_opaque_callback_data", out var data) ? data.GetString() : null));
        return Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = to, wa_id = to } }, messages = new[] { new { id } } });
    }

    /// <summary>The webhook Meta sends when a message's status changes, signed as Meta signs it (or with another secret).</summary>
    public static HttpRequestMessage StatusWebhook(WhatsAppSent sent, string status, string secret = AppSecret, object[]? errors = null) => Signed(Change(new
    {
        messaging_product = "whatsapp",
        metadata = Metadata,
        statuses = new[]
        {
            new
            {
                id = sent.Id, status, timestamp = Now(), recipient_id = sent.To, biz_opaque_callback_data = sent.CallbackData, errors = errors ?? [],
            },
        },
    }), secret);

    /// <summary>The webhook Meta sends when someone writes to the party's number: from is their number's digits, country code first.</summary>
    public static HttpRequestMessage TextWebhook(string from, string text, string secret = AppSecret) => Signed(Change(Incoming(from, new
    {
        from, id = $"wamid.{Guid.NewGuid():N}", timestamp = Now(), type = "text", text = new { body = text },
    })), secret);

    /// <summary>The webhook Meta sends when someone taps a quick-reply button of the template message <paramref name="replyTo"/>.</summary>
    public static HttpRequestMessage ButtonWebhook(string from, string payload, string text, string replyTo, string secret = AppSecret) =>
        Signed(Change(Incoming(from, new
        {
            context = new { from = Number, id = replyTo }, from, id = $"wamid.{Guid.NewGuid():N}", timestamp = Now(), type = "button",
            button = new { payload, text },
        })), secret);

    static readonly object Metadata = new { display_phone_number = Number, phone_number_id = PhoneNumberId };

    static object Incoming(string from, object message) => new
    {
        messaging_product = "whatsapp",
        metadata = Metadata,
        contacts = new[] { new { profile = new { name = "Someone" }, wa_id = from } },
        messages = new[] { message },
    };

    static string Change(object value) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = "WABA-ID", changes = new[] { new { field = "messages", value } } } },
    });

    static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();

    /// <summary>A body as Meta posts it: X-Hub-Signature-256 is "sha256=" and the HMAC-SHA256 of the body with the app secret, in hex.</summary>
    public static HttpRequestMessage Signed(string body, string secret = AppSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/whatsapp/webhook") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
        return request;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
