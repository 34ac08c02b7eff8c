using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Messaging;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Messaging;

/// <summary>
/// Real sendsms requests. The Category=Kannel tests go through the Kannel that scripts/test runs, and read what its
/// fake SMSC received; each sends to a number of its own, so runs and tests never read each other's messages.
/// </summary>
public sealed class KannelSmsSenderTests
{
    static Dictionary<string, string?> RunningKannel() =>
        MessagingHost.Kannel(KannelUnderTest.Url, KannelUnderTest.Username, KannelUnderTest.Password);

    static async Task<SmsResult> SendAsync(Dictionary<string, string?> settings, SmsMessage message)
    {
        await using var app = MessagingHost.Build(settings);
        return await app.Services.GetRequiredService<ISmsSender>().SendAsync(message, CancellationToken.None);
    }

    [Fact, Trait("Category", KannelUnderTest.Category)]
    public async Task AnEnglishCodeReachesThePhoneAsGsmTextFromTheSendersHeader()
    {
        var to = Tree.RandomMobile();

        var result = await SendAsync(RunningKannel(), new(to, "Your Sangathan code is 123456", SenderId: "SNGTHN"));

        Assert.True(result.Accepted, result.Error);
        Assert.Equal("0: Accepted for delivery", result.GatewayAnswer);
        var received = await FakeSmsc.WaitForAsync(to);
        Assert.Equal(new ReceivedSms("SNGTHN", to, "text", "Your Sangathan code is 123456"), received);
    }

    [Fact, Trait("Category", KannelUnderTest.Category)]
    public async Task AHindiCodeReachesThePhoneAsUcs2WithEveryLetterIntact()
    {
        var to = Tree.RandomMobile();

        var result = await SendAsync(RunningKannel(), new(to, "आपका कोड 123456 है"));

        Assert.True(result.Accepted, result.Error);
        var received = await FakeSmsc.WaitForAsync(to);
        Assert.Equal("ucs-2", received.Coding);
        Assert.Equal("आपका कोड 123456 है", received.Text);
    }

    [Fact, Trait("Category", KannelUnderTest.Category)]
    public async Task AWrongPasswordIsAFailedResult()
    {
        var result = await SendAsync(MessagingHost.Kannel(KannelUnderTest.Url, KannelUnderTest.Username, "not-the-password"),
            new(Tree.RandomMobile(), "Your code is 123456"));

        Assert.False(result.Accepted);
        Assert.Contains("Authorization failed", result.GatewayAnswer);
        Assert.Contains("HTTP 403", result.Error);
    }

    [Fact, Trait("Category", KannelUnderTest.Category)]
    public async Task KannelReportsDeliveryWithTheMessagesReference()
    {
        using var callbacks = new HttpListener();
        var port = MessagingHost.FreePort();
        callbacks.Prefixes.Add($"http://127.0.0.1:{port}/");
        callbacks.Start();
        var settings = RunningKannel();
        settings["Sms:Kannel:DlrUrl"] = $"http://127.0.0.1:{port}/api/v1/sms/dlr";
        settings["Sms:Kannel:DlrSecret"] = "a-secret-of-twenty-chars";
        settings["Sms:Kannel:TemplateTlv"] = "TEMPLATE_ID";
        var reference = Guid.NewGuid().ToString("N");

        var result = await SendAsync(settings, new(Tree.RandomMobile(), "Meeting at 5 pm", TemplateId: "1707161234567890123", Reference: reference));

        Assert.True(result.Accepted, result.Error);
        var statuses = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var context = await callbacks.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(10));
            context.Response.Close();
            Assert.Equal("/api/v1/sms/dlr/a-secret-of-twenty-chars", context.Request.Url!.AbsolutePath);
            Assert.Equal(reference, context.Request.QueryString["ref"]);
            statuses.Add(context.Request.QueryString["status"]);
        }
        // Taken by the SMSC (bearerbox's own report) and delivered (all a fake SMSC ever reports), in either order.
        Assert.Equal(["1", "8"], statuses.Order());
    }

    [Fact]
    public async Task AnUnreachableGatewayIsAFailedResult()
    {
        var result = await SendAsync(MessagingHost.Kannel($"http://127.0.0.1:{MessagingHost.FreePort()}"),
            new(Tree.RandomMobile(), "Your code is 123456"));

        Assert.False(result.Accepted);
        Assert.Null(result.GatewayAnswer);
        Assert.Contains("could not be reached", result.Error);
    }

    [Fact]
    public async Task NoLogHoldsTheNumberTheTextOrThePassword()
    {
        var logs = new CapturedLogs();
        var to = Tree.RandomMobile();
        await using var app = MessagingHost.Build(
            MessagingHost.Kannel($"http://127.0.0.1:{MessagingHost.FreePort()}", password: "pass-7f3a"), logs);

        await app.Services.GetRequiredService<ISmsSender>().SendAsync(new(to, "Your code is 918273"), CancellationToken.None);

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(to[1..]) || l.Contains("918273") || l.Contains("pass-7f3a"));
    }
}
