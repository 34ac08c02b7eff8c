using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>
/// The app with every channel real: SMS through scripts/test's Kannel (whose delivery reports come back to the app on a
/// real loopback port), e-mail through its SMTP server, WhatsApp through the Cloud API stand-in. Workers poll fast;
/// broadcasts above two people need approval.
/// </summary>
public class BroadcastFactory : SangathanFactory, IAsyncLifetime
{
    public const string DlrSecret = "test-dlr-secret-0123456789";
    public WhatsAppStandIn WhatsApp { get; } = new();
    readonly int port;
    bool started;

    public BroadcastFactory() : this(FreePort())
    {
    }

    /// <summary>On a port chosen beforehand: one Kannel's configuration names (see <see cref="KannelUnderTest.RepliesAppPort"/>).</summary>
    protected BroadcastFactory(int port) => this.port = port;

    public Uri Address => new($"http://127.0.0.1:{port}");

    /// <summary>Extra settings of a test class (a WhatsApp limit, a pace).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Common(Address, WhatsApp.Address).Concat(Settings)) builder.UseSetting(key, value);
    }

    /// <summary>The settings that point the app at the test's gateways: also given to an app process of its own.</summary>
    public static IEnumerable<(string Key, string Value)> Common(Uri app, Uri whatsApp) =>
    [
        ("Sms:Gateway", "kannel"), ("Sms:Kannel:BaseUrl", KannelUnderTest.Url), ("Sms:Kannel:Username", KannelUnderTest.Username),
        ("Sms:Kannel:Password", KannelUnderTest.Password), ("Sms:Kannel:DlrUrl", new Uri(app, "/api/v1/sms/dlr").ToString()), ("Sms:Kannel:DlrSecret", DlrSecret),
        ("Email:Gateway", "smtp"), ("Email:Host", SmtpUnderTest.Host), ("Email:Port", SmtpUnderTest.Port.ToString()), ("Email:Security", "none"),
        ("Email:From", "sandesh@sangathan.test"),
        ("WhatsApp:Gateway", "cloud"), ("WhatsApp:BaseUrl", whatsApp.ToString()), ("WhatsApp:PhoneNumberId", WhatsAppStandIn.PhoneNumberId),
        ("WhatsApp:AccessToken", WhatsAppStandIn.Token), ("WhatsApp:AppSecret", WhatsAppStandIn.AppSecret), ("WhatsApp:VerifyToken", "verify-me"),
        ("Broadcasts:PollMilliseconds", "100"), ("Broadcasts:ApprovalAbove", "2"), ("Broadcasts:RetrySeconds", "1"),
        ("Broadcasts:LeaseSeconds", "5"), ("Broadcasts:ReportGraceSeconds", "5"),
    ];

    /// <summary>Starts the stand-in and the app on its port; clients then go over the real socket.</summary>
    public async Task StartAsync()
    {
        if (started) return;
        started = true;
        await WhatsApp.StartAsync();
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        ClientOptions.BaseAddress = Address;
        StartServer();
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await WhatsApp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
