using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Sangathan.Membership;

/// <summary>
/// Razorpay's documented API: Orders (POST /v1/orders, GET /v1/orders/{id}/payments), Payments (GET /v1/payments/{id})
/// with basic authentication by key id and secret, amounts in paise; the hosted checkout by form POST to
/// /v1/checkout/embedded, which posts back to the callback URL. The same client talks to the stand-in.
/// </summary>
public sealed class RazorpayClient(HttpClient http, IOptions<PaymentOptions> options) : IPaymentGateway
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    RazorpayOptions O => options.Value.Razorpay;

    public string CheckoutOrigin => new Uri(O.BaseUrl).GetLeftPart(UriPartial.Authority);

    public async Task<GatewayOrder> CreateOrderAsync(int amountPaise, string receipt, IReadOnlyDictionary<string, string> notes, CancellationToken ct)
    {
        var order = await SendAsync<OrderEntity>(HttpMethod.Post, "/v1/orders",
            JsonContent.Create(new { amount = amountPaise, currency = "INR", receipt, notes }, options: Json), ct);
        return new(order.Id, order.Amount, order.Currency, order.Status);
    }

    /// <summary>The order's payment attempts; none for an order the gateway does not know (so it is left to be abandoned).</summary>
    public async Task<IReadOnlyList<GatewayPayment>> PaymentsOfOrderAsync(string orderId, CancellationToken ct)
    {
        try
        {
            var payments = await SendAsync<Collection>(HttpMethod.Get, $"/v1/orders/{Uri.EscapeDataString(orderId)}/payments", null, ct);
            return payments.Items.Select(p => p.ToPayment()).ToList();
        }
        catch (GatewayException e) when (Unknown(e))
        {
            return [];
        }
    }

    public async Task<GatewayPayment?> PaymentAsync(string paymentId, CancellationToken ct)
    {
        try
        {
            return (await SendAsync<PaymentEntity>(HttpMethod.Get, $"/v1/payments/{Uri.EscapeDataString(paymentId)}", null, ct)).ToPayment();
        }
        catch (GatewayException e) when (Unknown(e))
        {
            return null;
        }
    }

    // "The id provided does not exist": an answer, not an outage (only these make the reconciler stop for a while).
    static bool Unknown(GatewayException e) =>
        e.InnerException is HttpRequestException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.NotFound };

    public CheckoutForm Checkout(string orderId, int amountPaise, string description, string callbackUrl, string cancelUrl) =>
        new($"{O.BaseUrl.TrimEnd('/')}/v1/checkout/embedded",
        [
            new("key_id", O.KeyId), new("order_id", orderId), new("amount", amountPaise.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("currency", "INR"), new("name", options.Value.MerchantName), new("description", description),
            new("callback_url", callbackUrl), new("cancel_url", cancelUrl),
        ]);

    // An empty key would make every signature one anyone can compute (start-up refuses it; this is the second lock).
    public bool IsGenuinePayment(string orderId, string paymentId, string? signature) =>
        O.KeySecret.Length > 0 && RazorpaySignatures.Matches(RazorpaySignatures.Payment(orderId, paymentId, O.KeySecret), signature);

    public bool IsGenuineWebhook(ReadOnlySpan<byte> body, string? signature) =>
        O.WebhookSecret.Length > 0 && RazorpaySignatures.Matches(RazorpaySignatures.Webhook(body, O.WebhookSecret), signature);

    async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, $"{O.BaseUrl.TrimEnd('/')}{path}") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{O.KeyId}:{O.KeySecret}")));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadFromJsonAsync<ErrorAnswer>(Json, ct).ConfigureAwait(false);
                throw new GatewayException($"The gateway answered {(int)response.StatusCode}: {error?.Error?.Description}",
                    new HttpRequestException(error?.Error?.Code, null, response.StatusCode));
            }
            return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new GatewayException("The gateway answered nothing.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            throw new GatewayException("The gateway could not be reached.", e);
        }
    }

    sealed record OrderEntity(string Id, int Amount, string Currency, string Status);

    internal sealed record PaymentEntity(string Id, string? OrderId, int Amount, string Currency, string Status)
    {
        public GatewayPayment ToPayment() => new(Id, OrderId ?? "", Amount, Currency, Status);
    }

    sealed record Collection(int Count, List<PaymentEntity> Items);

    sealed record ErrorAnswer(ErrorBody? Error);

    sealed record ErrorBody(string? Code, string? Description);
}
