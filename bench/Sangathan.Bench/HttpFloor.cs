using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sangathan.Membership;

namespace Sangathan.Bench;

/// <summary>
/// The least an enrollment over HTTP can cost on this machine: a bare ASP.NET Core endpoint in the bench's process that
/// reads each body into the app's own <see cref="MemberInput"/> (the photo decoded from base64 as the app decodes it)
/// and answers 201 with a member, checking and saving nothing. Posted to by the same clients with the same bodies, it
/// says what HTTP, JSON and the phones' clients alone spend per member, which no enrollment can spend less than.
/// </summary>
internal sealed class HttpFloor : IAsyncDisposable
{
    readonly WebApplication app;

    HttpFloor(WebApplication app) => this.app = app;

    public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    public static async Task<HttpFloor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        app.MapPost("/api/v1/members", (MemberInput input, HttpRequest request) =>
            request.Headers.Authorization.Count == 0 || input.PhotoBase64 is not { Length: > 0 } ? Results.Unauthorized()
            : Results.Created("/api/v1/members/1", new EnrolledMember(1, "RJE*****00", input.NameEn ?? "", input.NameHi ?? "",
                "+91xxxxxxxx00", input.Category ?? "", input.BoothId ?? 0, MemberStatus.Unconfirmed, FeeState.Cash, DateTime.UtcNow, null)));
        await app.StartAsync();
        return new HttpFloor(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
