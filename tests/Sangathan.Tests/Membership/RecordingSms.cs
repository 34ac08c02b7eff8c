using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Messaging;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership;

/// <summary>Keeps every SMS the app hands over, for tests about what members are sent (Kannel's own path is tested in SignIn).</summary>
public sealed class RecordingSms : ISmsSender
{
    public ConcurrentQueue<SmsMessage> Sent { get; } = new();

    public Task<SmsResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        Sent.Enqueue(message);
        return Task.FromResult(SmsResult.Sent("recorded"));
    }

    public IReadOnlyList<string> To(string mobile) => Sent.Where(m => m.To == mobile).Select(m => m.Text).ToList();
}

/// <summary>The app with its SMS recorded instead of sent.</summary>
public sealed class MembershipFactory : SangathanFactory
{
    public RecordingSms Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ISmsSender>(Sms));
    }
}
