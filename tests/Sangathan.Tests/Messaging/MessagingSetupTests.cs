using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sangathan.Messaging;

namespace Sangathan.Tests.Messaging;

public sealed class MessagingSetupTests
{
    [Fact]
    public async Task WithoutSettingsMessagesGoToTheConsoleDemo()
    {
        await using var app = MessagingHost.Build([]);

        Assert.IsType<ConsoleSmsSender>(app.Services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public async Task KannelAsTheGatewaySendsThroughKannel()
    {
        await using var app = MessagingHost.Build(MessagingHost.Kannel("http://127.0.0.1:13013"));

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<KannelSmsSender>(app.Services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public async Task KannelWithoutItsAddressStopsTheAppAtStart()
    {
        var settings = MessagingHost.Kannel("http://127.0.0.1:13013");
        settings.Remove("Sms:Kannel:BaseUrl");
        await using var app = MessagingHost.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("BaseUrl", error.Message);
    }

    [Fact]
    public async Task AnUnknownGatewayStopsTheAppAtStart()
    {
        await using var app = MessagingHost.Build(new() { ["Sms:Gateway"] = "carrier-pigeon" });

        Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
    }
}
