using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Sangathan.Messaging;

namespace Sangathan.Tests.Messaging;

public sealed class ConsoleSmsSenderTests
{
    sealed class Development : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Sangathan";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    static ConsoleSmsSender Sender(TextWriter output) => new(output, NullLogger<ConsoleSmsSender>.Instance, new Development());

    [Fact]
    public async Task TheDemoPrintsTheMessageLabelledAsNotSentWithTheNumberMasked()
    {
        var output = new StringWriter();

        var result = await Sender(output).SendAsync(new("+919812345678", "आपका कोड 123456 है"), CancellationToken.None);

        Assert.True(result.Accepted);
        Assert.Equal($"DEMO SMS (not sent) to +9198••••••78: आपका कोड 123456 है{Environment.NewLine}", output.ToString());
    }

    [Theory]
    [InlineData("9812345678")]
    [InlineData("+91 98123 45678")]
    [InlineData("+91981234567890123")]
    [InlineData("")]
    public async Task ANumberThatIsNotE164IsAFailedResultAndNothingIsPrinted(string to)
    {
        var output = new StringWriter();

        var result = await Sender(output).SendAsync(new(to, "Your code is 123456"), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains("E.164", result.Error);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task AReferenceThatCannotTravelInAUrlIsAFailedResult()
    {
        var result = await Sender(new StringWriter()).SendAsync(new("+919812345678", "x", Reference: "a&b"), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains("reference", result.Error);
    }
}
