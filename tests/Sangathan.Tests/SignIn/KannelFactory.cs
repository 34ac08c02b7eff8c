using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.SignIn;

/// <summary>The app sending its SMS through the real Kannel of scripts/test, on a clock the test can move.</summary>
public sealed class KannelFactory : SangathanFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:Gateway", "kannel");
        builder.UseSetting("Sms:Kannel:BaseUrl", KannelUnderTest.Url);
        builder.UseSetting("Sms:Kannel:Username", KannelUnderTest.Username);
        builder.UseSetting("Sms:Kannel:Password", KannelUnderTest.Password);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Real time, plus however far a test has moved it on.</summary>
public sealed class TestClock : TimeProvider
{
    TimeSpan ahead;
    public void Advance(TimeSpan by) => ahead += by;
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
}
