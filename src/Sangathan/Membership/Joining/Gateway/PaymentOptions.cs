namespace Sangathan.Membership;

/// <summary>The payment gateway ("Payments" in configuration) and how open orders are followed up.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";
    public const string RazorpayGateway = "razorpay";
    public const string StandInGateway = "stand-in";

    /// <summary>
    /// "razorpay": the real gateway at <see cref="RazorpayOptions.BaseUrl"/>. "stand-in" (the demo): a local stand-in
    /// that speaks Razorpay's contract, served by the app itself under <see cref="StandInPath"/>.
    /// </summary>
    public string Gateway { get; set; } = StandInGateway;

    public const string StandInPath = "/stand-in/razorpay";

    public RazorpayOptions Razorpay { get; set; } = new();

    /// <summary>The name the checkout shows the payer.</summary>
    public string MerchantName { get; set; } = "Sangathan";

    /// <summary>An order still open this long after it was made is asked about at the gateway (the page may have closed).</summary>
    public int ReconcileAfterSeconds { get; set; } = 120;

    /// <summary>How often the reconciler looks, and how long it waits before asking about the same order again.</summary>
    public int ReconcileEverySeconds { get; set; } = 60;

    /// <summary>An order open this long with nothing paid is called abandoned: the person is offered a new one.</summary>
    public int AbandonAfterMinutes { get; set; } = 30;

    /// <summary>Orders older than this are no longer asked about (a late payment still arrives by webhook).</summary>
    public int ReconcileForHours { get; set; } = 24;

    /// <summary>Orders one member may make: each "try again" makes one; past this they are asked to wait or get help.</summary>
    public int OrdersPerMember { get; set; } = 10;

    /// <summary>How the stand-in delivers its webhooks (the demo shows them arriving twice and out of order).</summary>
    public StandInOptions StandIn { get; set; } = new();
}

public sealed class RazorpayOptions
{
    /// <summary>The API's address; the hosted checkout is at {BaseUrl}/v1/checkout/embedded.</summary>
    public string BaseUrl { get; set; } = "https://api.razorpay.com";

    /// <summary>No defaults: the real gateway refuses to start without them; the stand-in has its own (<see cref="StandIn"/>).</summary>
    public string KeyId { get; set; } = "";
    public string KeySecret { get; set; } = "";
    public string WebhookSecret { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// The stand-in's keys, published here: anyone can sign with them. Also the defaults earlier versions gave the real
    /// gateway, so configuration written for those may still carry them; the real gateway refuses them.
    /// </summary>
    public static readonly (string KeyId, string KeySecret, string WebhookSecret) StandIn =
        ("rzp_test_standin", "stand-in-key-secret", "stand-in-webhook-secret");

    /// <summary>Set, and not one of the stand-in's published keys.</summary>
    public static bool IsSecret(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() is var v && v != StandIn.KeyId && v != StandIn.KeySecret && v != StandIn.WebhookSecret;
}

public sealed class StandInOptions
{
    /// <summary>Each webhook is sent this many times.</summary>
    public int Deliveries { get; set; } = 2;

    /// <summary>Webhooks wait this long before going, and go in the reverse of the order they happened.</summary>
    public int DelayMilliseconds { get; set; } = 1500;

    /// <summary>Webhooks are kept until asked for (tests deliver them when, how often and in what order they choose).</summary>
    public bool Hold { get; set; }
}
