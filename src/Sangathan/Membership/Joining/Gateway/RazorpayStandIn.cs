using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sangathan.Platform;

namespace Sangathan.Membership;

/// <summary>A webhook the stand-in made: its body exactly as sent, so its signature holds whenever it goes.</summary>
public sealed record StandInWebhook(string EventId, string Event, string OrderId, byte[] Body, string Signature);

/// <summary>
/// A stand-in for Razorpay that speaks its contract (the same paths, basic authentication, JSON in snake case, the
/// hosted checkout's form POST and its POST back to the callback URL, signed webhooks), for the demo and the tests,
/// where the real gateway cannot be reached. Its checkout page lets the payer pay or fail; its webhooks can arrive
/// late, twice and out of order, or be held until a test sends them. State is in memory: a demo's, not a bank's.
/// </summary>
public sealed class RazorpayStandIn(RazorpayOptions keys, StandInOptions delivery, Func<HttpClient> webhookClient, string webhookUrl)
{
    readonly ConcurrentDictionary<string, Order> orders = new();
    readonly ConcurrentDictionary<string, Payment> payments = new();

    /// <summary>Webhooks kept back while <see cref="StandInOptions.Hold"/> is set, oldest first.</summary>
    public ConcurrentQueue<StandInWebhook> Held { get; } = new();

    /// <summary>Every webhook made so far, delivered or not.</summary>
    public ConcurrentQueue<StandInWebhook> Made { get; } = new();

    public void Map(IEndpointRouteBuilder routes, string prefix = "")
    {
        var api = routes.MapGroup(prefix).AllowAnonymous().ExcludeFromDescription();
        api.MapPost("/v1/orders", CreateOrderAsync);
        api.MapGet("/v1/orders/{id}", (string id, HttpRequest r) => Authorized(r) ? Found(orders.GetValueOrDefault(id)?.Entity()) : Unauthorized());
        api.MapGet("/v1/orders/{id}/payments", (string id, HttpRequest r) => !Authorized(r) ? Unauthorized()
            : orders.ContainsKey(id) ? Results.Json(new { entity = "collection", count = Of(id).Count, items = Of(id) }, RazorpayClient.Json) : NotFound());
        api.MapGet("/v1/payments/{id}", (string id, HttpRequest r) => Authorized(r) ? Found(payments.GetValueOrDefault(id)?.Entity()) : Unauthorized());
        api.MapPost("/v1/checkout/embedded", CheckoutAsync);
        api.MapPost("/v1/checkout/{orderId}/pay", (string orderId, HttpRequest r) => FinishAsync(orderId, r, paid: true));
        api.MapPost("/v1/checkout/{orderId}/fail", (string orderId, HttpRequest r) => FinishAsync(orderId, r, paid: false));
    }

    /// <summary>Sends one webhook now, as the gateway would (a test decides when, how often and in what order).</summary>
    public async Task<HttpStatusCode> DeliverAsync(StandInWebhook hook, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(hook.Body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Razorpay-Signature", hook.Signature);
        request.Headers.Add("X-Razorpay-Event-Id", hook.EventId);
        using var response = await webhookClient().SendAsync(request, ct);
        return response.StatusCode;
    }

    /// <summary>A payment attempt on an order, made at the gateway with no browser coming back: the payer closed the page.</summary>
    public string PayQuietly(string orderId, bool paid = true)
    {
        var order = orders[orderId];
        var payment = Attempt(order);
        Settle(order, payment, paid);
        return payment.Id;
    }

    async Task<IResult> CreateOrderAsync(HttpRequest request)
    {
        if (!Authorized(request)) return Unauthorized();
        var body = await ReadOrderAsync(request);
        if (body is not { Amount: >= 100 } || body.Currency != "INR")
            return Results.Json(Error("The amount must be at least INR 1.00", "amount"), RazorpayClient.Json, statusCode: 400);
        var order = new Order(NewId("order_"), body.Amount, body.Receipt, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        orders[order.Id] = order;
        return Results.Json(order.Entity(), RazorpayClient.Json);
    }

    /// <summary>The order asked for; null for a body that is not one (the gateway answers that with the same 400).</summary>
    static async Task<OrderRequest?> ReadOrderAsync(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<OrderRequest>(request.Body, RazorpayClient.Json, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    async Task<IResult> CheckoutAsync(HttpRequest request)
    {
        var form = await request.ReadFormOrNullAsync(request.HttpContext.RequestAborted);
        if (form is null || form["key_id"] != keys.KeyId || !orders.TryGetValue(form["order_id"].ToString(), out var order)
            || !IsAddress(form["callback_url"]) || !IsAddress(form["cancel_url"]))
            return Results.Content(Page("Payment could not start", "<p>Unknown key or order.</p>"), "text/html; charset=utf-8", statusCode: 400);
        if (order.Status == "paid") return Results.Content(Page("Already paid", "<p>This order is paid.</p>"), "text/html; charset=utf-8");
        order.CallbackUrl = form["callback_url"];
        order.CancelUrl = form["cancel_url"];
        // The attempt's id is known before the payer chooses, so the page's own forms carry what goes back to the callback.
        var payment = Attempt(order);
        var signature = RazorpaySignatures.Payment(order.Id, payment.Id, keys.KeySecret);
        var rupees = (order.Amount / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var metadata = WebUtility.HtmlEncode(JsonSerializer.Serialize(new { payment_id = payment.Id, order_id = order.Id }));
        var html = $"""
            <p><strong>{WebUtility.HtmlEncode(form["name"])}</strong><br>{WebUtility.HtmlEncode(form["description"])}</p>
            <p>Amount / राशि: <strong>₹{rupees}</strong> · {order.Id}</p>
            <form method="post" action="{order.Id}/pay">
              <input type="hidden" name="razorpay_payment_id" value="{payment.Id}">
              <input type="hidden" name="razorpay_order_id" value="{order.Id}">
              <input type="hidden" name="razorpay_signature" value="{signature}">
              <button type="submit" id="pay">Pay ₹{rupees} / भुगतान करें</button>
            </form>
            <form method="post" action="{order.Id}/fail">
              <input type="hidden" name="error[code]" value="BAD_REQUEST_ERROR">
              <input type="hidden" name="error[description]" value="Payment failed">
              <input type="hidden" name="error[source]" value="customer">
              <input type="hidden" name="error[step]" value="payment_authentication">
              <input type="hidden" name="error[reason]" value="payment_failed">
              <input type="hidden" name="error[metadata]" value="{metadata}">
              <button type="submit" id="fail">Fail the payment / भुगतान विफल करें</button>
            </form>
            <p><a href="{WebUtility.HtmlEncode(order.CancelUrl)}">Cancel / रद्द करें</a></p>
            """;
        // Its forms post to paths relative to this page ({order}/pay beside /embedded), wherever the stand-in is served.
        return Results.Content(Page("Test payment gateway (stand-in)", html), "text/html; charset=utf-8");
    }

    async Task<IResult> FinishAsync(string orderId, HttpRequest request, bool paid)
    {
        if (!orders.TryGetValue(orderId, out var order) || order.CallbackUrl is not { Length: > 0 } callback) return NotFound();
        if (await request.ReadFormOrNullAsync(request.HttpContext.RequestAborted) is not { } form) return NotFound();
        var paymentId = paid ? form["razorpay_payment_id"].ToString() : FailedPaymentId(form["error[metadata]"].ToString());
        if (paymentId is null || !payments.TryGetValue(paymentId, out var payment) || payment.OrderId != orderId) return NotFound();
        if (payment.Status == "created") Settle(order, payment, paid);
        // 307: the browser posts this very form to the merchant's callback, as the hosted checkout posts its answer.
        return Results.Redirect(callback, permanent: false, preserveMethod: true);
    }

    /// <summary>A URL the checkout may send the browser back to: one a Location header can carry, as the gateway checks.</summary>
    static bool IsAddress(string? url) =>
        url is { Length: > 0 and <= 2048 } && url.All(c => c is > ' ' and < (char)0x7F) && Uri.IsWellFormedUriString(url, UriKind.RelativeOrAbsolute);

    /// <summary>The payment a failure's form names in its metadata (JSON); null when it names none or is not JSON.</summary>
    static string? FailedPaymentId(string metadata)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(metadata is { Length: > 0 } ? metadata : "{}")
                ?.GetValueOrDefault("payment_id") is { ValueKind: JsonValueKind.String } id ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    Payment Attempt(Order order)
    {
        var payment = new Payment(NewId("pay_"), order.Id, order.Amount, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        payments[payment.Id] = payment;
        return payment;
    }

    void Settle(Order order, Payment payment, bool paid)
    {
        payment.Status = paid ? "captured" : "failed";
        List<StandInWebhook> hooks;
        lock (order)
        {
            order.Attempts++;
            if (paid) order.Status = "paid";
            else if (order.Status == "created") order.Status = "attempted";
            hooks = paid
                ? [Hook("payment.captured", order, payment, withOrder: false), Hook("order.paid", order, payment, withOrder: true)]
                : [Hook("payment.failed", order, payment, withOrder: false)];
        }
        foreach (var hook in hooks) Made.Enqueue(hook);
        if (delivery.Hold)
        {
            foreach (var hook in hooks) Held.Enqueue(hook);
            return;
        }
        _ = Task.Run(() => SendLaterAsync(hooks));
    }

    /// <summary>Late, last first, each as many times as configured: what a webhook receiver must be ready for.</summary>
    async Task SendLaterAsync(List<StandInWebhook> hooks)
    {
        await Task.Delay(delivery.DelayMilliseconds);
        for (var round = 0; round < Math.Max(1, delivery.Deliveries); round++)
            foreach (var hook in Enumerable.Reverse(hooks))
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        if ((int)await DeliverAsync(hook) < 500) break;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                    await Task.Delay(1000 * (attempt + 1));
                }
    }

    StandInWebhook Hook(string kind, Order order, Payment payment, bool withOrder)
    {
        object payload = withOrder
            ? new { payment = new { entity = payment.Entity() }, order = new { entity = order.Entity() } }
            : new { payment = new { entity = payment.Entity() } };
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            entity = "event", account_id = "acc_standin", @event = kind,
            contains = withOrder ? new[] { "payment", "order" } : ["payment"], payload, created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        }, RazorpayClient.Json);
        return new(NewId(""), kind, order.Id, body, RazorpaySignatures.Webhook(body, keys.WebhookSecret));
    }

    List<object> Of(string orderId) => payments.Values.Where(p => p.OrderId == orderId && p.Status != "created")
        .OrderBy(p => p.CreatedAt).Select(p => p.Entity()).ToList();

    bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keys.KeyId}:{keys.KeySecret}"));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(expected));
    }

    static IResult Found(object? entity) => entity is null ? NotFound() : Results.Json(entity, RazorpayClient.Json);

    static IResult NotFound() => Results.Json(Error("The id provided does not exist", null), RazorpayClient.Json, statusCode: 400);

    static IResult Unauthorized() => Results.Json(Error("Authentication failed", null), RazorpayClient.Json, statusCode: 401);

    static object Error(string description, string? field) => new { error = new { code = "BAD_REQUEST_ERROR", description, field } };

    static string Page(string title, string body) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title></head>
        <body><h1>{title}</h1>{body}</body></html>
        """;

    static string NewId(string prefix) => prefix + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 14);

    sealed record OrderRequest(int Amount, string? Currency, string? Receipt);

    sealed class Order(string id, int amount, string? receipt, long createdAt)
    {
        public string Id => id;
        public int Amount => amount;
        public string Status { get; set; } = "created";
        public int Attempts { get; set; }
        public string? CallbackUrl { get; set; }
        public string? CancelUrl { get; set; }

        public object Entity() => new
        {
            id, entity = "order", amount, amount_paid = Status == "paid" ? amount : 0, amount_due = Status == "paid" ? 0 : amount,
            currency = "INR", receipt, status = Status, attempts = Attempts, notes = new { }, created_at = createdAt,
        };
    }

    sealed class Payment(string id, string orderId, int amount, long createdAt)
    {
        public string Id => id;
        public string OrderId => orderId;
        public long CreatedAt => createdAt;
        public string Status { get; set; } = "created";

        public object Entity() => new
        {
            id, entity = "payment", amount, currency = "INR", status = Status, order_id = orderId, method = "upi",
            captured = Status == "captured", error_code = Status == "failed" ? "BAD_REQUEST_ERROR" : null,
            error_description = Status == "failed" ? "Payment failed" : null, created_at = createdAt,
        };
    }
}
