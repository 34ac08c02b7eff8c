using Microsoft.AspNetCore.Hosting;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// The real gateway with a secret anyone can read would take a webhook signed by anyone as the gateway's word: the
/// app refuses to start so, and says which setting to fix without printing any secret.
/// </summary>
public sealed class PaymentSecretsTests
{
    [Theory]
    [InlineData(null, "KeyId")]
    [InlineData("published", "WebhookSecret")]
    public void TheRealGatewayDoesNotStartWithAMissingOrPublishedSecret(string? keys, string named)
    {
        var settings = new Dictionary<string, string?> { ["Payments:Gateway"] = "razorpay" };
        if (keys == "published")
        {
            settings["Payments:Razorpay:KeyId"] = "rzp_live_ownkey0001";
            settings["Payments:Razorpay:KeySecret"] = "own-key-secret-from-the-dashboard";
            settings["Payments:Razorpay:WebhookSecret"] = "stand-in-webhook-secret";
        }
        using var app = new ConfiguredFactory(settings);
        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var message = Messages(refused);
        Assert.Contains($"Payments:Razorpay:{named} is missing or is the stand-in's published value", message);
        Assert.DoesNotContain("stand-in-webhook-secret", message);
        Assert.DoesNotContain("own-key-secret-from-the-dashboard", message);
    }

    static string Messages(Exception e) =>
        string.Join(" | ", e is AggregateException a ? a.InnerExceptions.Select(Messages) : [e.Message, .. e.InnerException is { } inner ? [Messages(inner)] : Array.Empty<string>()]);

    sealed class ConfiguredFactory(Dictionary<string, string?> settings) : SangathanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
