using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

public sealed record JoinTicket(string Token, MemberStatusView Member);
public sealed record CodeInput(string? Code);
public sealed record PaymentInput(string? OrderId, string? PaymentId, string? Signature);

/// <summary>
/// Joining online: the public booth finder, registration, the person's own page (code, fee, scrutiny's answer), the
/// gateway's client, its webhooks and the reconciler; and the stand-in gateway when the demo uses it.
/// </summary>
internal static class JoiningSetup
{
    public static void AddJoining(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section)
            .PostConfigure<IOptions<MembershipOptions>>((p, m) =>
            {
                if (p.Gateway != PaymentOptions.StandInGateway) return;
                // The demo's stand-in is served by the app itself: the client talks to it where members reach the site,
                // with the stand-in's own keys (nobody pays anything there).
                p.Razorpay.BaseUrl = m.Value.PublicUrl.TrimEnd('/') + PaymentOptions.StandInPath;
                (p.Razorpay.KeyId, p.Razorpay.KeySecret, p.Razorpay.WebhookSecret) = RazorpayOptions.StandIn;
            })
            // A real gateway with a secret anyone can read would let anyone sign a webhook that marks a membership paid.
            // The messages name the setting, never its value.
            .Validate(p => p.Gateway is PaymentOptions.StandInGateway or PaymentOptions.RazorpayGateway,
                $"Payments:Gateway must be '{PaymentOptions.RazorpayGateway}' or '{PaymentOptions.StandInGateway}'.")
            .Validate(p => p.Gateway != PaymentOptions.RazorpayGateway || RazorpayOptions.IsSecret(p.Razorpay.KeyId), Unset("KeyId"))
            .Validate(p => p.Gateway != PaymentOptions.RazorpayGateway || RazorpayOptions.IsSecret(p.Razorpay.KeySecret), Unset("KeySecret"))
            .Validate(p => p.Gateway != PaymentOptions.RazorpayGateway || RazorpayOptions.IsSecret(p.Razorpay.WebhookSecret), Unset("WebhookSecret"))
            .ValidateOnStart();
        services.AddHttpClient<RazorpayClient>((s, http) => http.Timeout = TimeSpan.FromSeconds(s.GetRequiredService<IOptions<PaymentOptions>>().Value.Razorpay.TimeoutSeconds))
            .RemoveAllLoggers(); // the basic authentication header carries the key secret
        services.AddTransient<IPaymentGateway>(s => s.GetRequiredService<RazorpayClient>());
        services.AddHttpClient("stand-in-webhooks").RemoveAllLoggers();
        services.AddSingleton(s =>
        {
            var o = s.GetRequiredService<IOptions<PaymentOptions>>().Value;
            var site = s.GetRequiredService<IOptions<MembershipOptions>>().Value.PublicUrl.TrimEnd('/');
            var http = s.GetRequiredService<IHttpClientFactory>();
            return new RazorpayStandIn(o.Razorpay, o.StandIn, () => http.CreateClient("stand-in-webhooks"), site + WebhookPath);
        });
        // The hosted checkout is a form posted to the gateway: the content security policy must let forms go there.
        services.AddOptions<SecurityHeaderOptions>().Configure<IOptions<PaymentOptions>>((h, p) =>
            h.FormActions.Add(new Uri(p.Value.Razorpay.BaseUrl).GetLeftPart(UriPartial.Authority)));
        services.AddScoped<JoiningBooths>();
        services.AddScoped<MemberPages>();
        services.AddScoped<JoinCodes>();
        services.AddScoped<JoinOnline>();
        services.AddScoped<JoinLimits>();
        services.AddScoped<ClaimVoterId>();
        services.AddScoped<SettlePayment>();
        services.AddScoped<CheckPayments>();
        services.AddScoped<PayFee>();
        services.AddScoped<PaymentReturn>();
        services.AddScoped<PaymentWebhooks>();
        services.AddScoped<ReconcilePayments>();
        services.AddHostedService<PaymentReconciler>();
    }

    public const string WebhookPath = "/api/v1/payments/razorpay/webhook";

    static string Unset(string key) =>
        $"Payments:Razorpay:{key} is missing or is the stand-in's published value; with Payments:Gateway '{PaymentOptions.RazorpayGateway}' " +
        "set it to your own from the Razorpay dashboard (the webhook secret is the one chosen for the webhook there).";

    public static void MapJoining(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Gateway == PaymentOptions.StandInGateway)
            app.Services.GetRequiredService<RazorpayStandIn>().Map(app, PaymentOptions.StandInPath);
        app.MapPost(WebhookPath, Webhook).AllowAnonymous().WithTags("Joining");

        var api = app.MapGroup("/api/v1/join").WithTags("Joining").AllowAnonymous();
        api.MapGet("/constituencies", async (JoiningBooths booths, CancellationToken ct) => TypedResults.Ok(await booths.ConstituenciesAsync(ct)));
        api.MapGet("/units", async Task<Results<Ok<IReadOnlyList<JoinUnit>>, NotFound>> (int? parentId, JoiningBooths booths, CancellationToken ct) =>
            await booths.ChildrenAsync(parentId, ct) is { } units ? TypedResults.Ok(units) : TypedResults.NotFound());
        api.MapGet("/booths", async Task<Results<Ok<JoinUnit>, NotFound>> (int constituency, int part, JoiningBooths booths, CancellationToken ct) =>
            await booths.ByPartAsync(constituency, part, ct) is { } booth ? TypedResults.Ok(booth) : TypedResults.NotFound());
        api.MapPost("/", Register);
        api.MapGet("/{token}", async Task<Results<Ok<MemberStatusView>, NotFound>> (string token, MemberPages pages, CancellationToken ct) =>
            await pages.FindAsync(token, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        api.MapPost("/{token}/code", Resend);
        api.MapPost("/{token}/confirm", Confirm);
        api.MapPost("/{token}/claim", Claim);
        api.MapPost("/{token}/orders", Order);
        api.MapPost("/{token}/payments", Returned);
    }

    /// <summary>201 with the token of the person's own page (the app keeps it); a code is on its way to their mobile.</summary>
    static async Task<IResult> Register(MemberInput input, JoinOnline join, MemberPages pages, HttpContext http, CancellationToken ct)
    {
        var started = await join.RunAsync(input, null, AuthApi.Ip(http), ct);
        if (started.TooMany) return TypedResults.Problem(started.Outcome.Errors[0].Message, statusCode: StatusCodes.Status429TooManyRequests);
        if (!started.Outcome.Succeeded) return started.Outcome.ToHttp(_ => TypedResults.Ok());
        var ticket = new JoinTicket(started.Token!, await pages.ViewAsync(started.Outcome.Id, ct));
        return TypedResults.Created($"/api/v1/join/{ticket.Token}", ticket);
    }

    static async Task<IResult> Resend(string token, MemberPages pages, JoinCodes codes, HttpContext http, CancellationToken ct)
    {
        if (await pages.MemberIdAsync(token, ct) is not { } id) return TypedResults.NotFound();
        return await codes.ResendAsync(id, token, AuthApi.Ip(http), ct) switch
        {
            null => TypedResults.Problem(T("Your mobile is already confirmed."), statusCode: StatusCodes.Status409Conflict),
            false => TypedResults.Problem(T("Too many codes were asked for. Please wait a few minutes and try again."), statusCode: StatusCodes.Status429TooManyRequests),
            true => TypedResults.Accepted((string?)null),
        };
    }

    static async Task<IResult> Confirm(string token, CodeInput input, MemberPages pages, JoinCodes codes, HttpContext http, CancellationToken ct)
    {
        if (await pages.MemberIdAsync(token, ct) is not { } id) return TypedResults.NotFound();
        return await codes.ConfirmAsync(id, input.Code, AuthApi.Ip(http), ct) switch
        {
            CodeCheck.Confirmed => TypedResults.Ok(await pages.ViewAsync(id, ct)),
            CodeCheck.NotWaiting => TypedResults.Problem(T("Your mobile is already confirmed."), statusCode: StatusCodes.Status409Conflict),
            var refused => AuthApi.Refused(refused == CodeCheck.Locked),
        };
    }

    /// <summary>
    /// 200 with the member's page once the claim is made: the fee is next, and both enrollments go before scrutiny.
    /// 409 when there is nothing to claim (the mobile not yet confirmed, or no other enrollment holds the voter ID).
    /// </summary>
    static async Task<IResult> Claim(string token, MemberPages pages, ClaimVoterId claim, CancellationToken ct)
    {
        if (await pages.MemberIdAsync(token, ct) is not { } id) return TypedResults.NotFound();
        return await claim.RunAsync(id, ct)
            ? TypedResults.Ok(await pages.ViewAsync(id, ct))
            : TypedResults.Problem(T("There is nothing to claim."), statusCode: StatusCodes.Status409Conflict);
    }

    /// <summary>201 with the new order and the checkout form (the app may open the gateway's own checkout with the order id instead).</summary>
    static async Task<IResult> Order(string token, MemberPages pages, PayFee pay, CancellationToken ct)
    {
        if (await pages.MemberIdAsync(token, ct) is not { } id) return TypedResults.NotFound();
        var (checkout, refusal) = await pay.RunAsync(id, token, ct);
        return checkout is not null ? TypedResults.Created($"/api/v1/join/{token}", checkout) : Refused(refusal);
    }

    /// <summary>The app's checkout answered: 200 once the payment is verified (and settled), 202 while the gateway cannot be asked.</summary>
    static async Task<IResult> Returned(string token, PaymentInput input, MemberPages pages, PaymentReturn payment, CancellationToken ct)
    {
        if (await pages.MemberIdAsync(token, ct) is not { } id) return TypedResults.NotFound();
        return await payment.RunAsync(id, new CheckoutAnswer(input.OrderId, input.PaymentId, input.Signature), ct) switch
        {
            ReturnOutcome.NotFound => TypedResults.NotFound(),
            ReturnOutcome.Unverified => TypedResults.Problem(T("The payment could not be verified."), statusCode: StatusCodes.Status400BadRequest),
            ReturnOutcome.Checking => TypedResults.Accepted($"/api/v1/join/{token}", await pages.ViewAsync(id, ct)),
            _ => TypedResults.Ok(await pages.ViewAsync(id, ct)),
        };
    }

    public static IResult Refused(PayRefusal refusal) => refusal switch
    {
        PayRefusal.NotDue => TypedResults.Problem(T("No fee is due: the membership is paid or not yet confirmed."), statusCode: StatusCodes.Status409Conflict),
        PayRefusal.TooMany => TypedResults.Problem(T("Too many payment attempts. Please ask the party office for help."), statusCode: StatusCodes.Status429TooManyRequests),
        _ => TypedResults.Problem(T("The payment service cannot be reached just now. Please try again in a few minutes."), statusCode: StatusCodes.Status503ServiceUnavailable),
    };

    /// <summary>The gateway's webhook: 200 once handled (or already handled); 400 for a forged or unreadable one, which changes nothing.</summary>
    static async Task<IResult> Webhook(HttpRequest request, PaymentWebhooks hooks, CancellationToken ct)
    {
        if (request.ContentLength > PaymentWebhooks.MaxBytes) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > PaymentWebhooks.MaxBytes) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var outcome = await hooks.RunAsync(buffer.ToArray(), request.Headers["X-Razorpay-Signature"], request.Headers["X-Razorpay-Event-Id"], ct);
        return outcome switch
        {
            WebhookOutcome.Handled => TypedResults.Ok(),
            WebhookOutcome.Forged => TypedResults.Problem("The signature does not match.", statusCode: StatusCodes.Status400BadRequest),
            WebhookOutcome.Refused => TypedResults.Problem("The amount does not match the order.", statusCode: StatusCodes.Status400BadRequest),
            _ => TypedResults.Problem("The event could not be read.", statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
