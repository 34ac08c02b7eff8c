using System.Net;
using System.Net.Http.Json;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.SignIn;

/// <summary>
/// The limit per address, through HTTP: one address asking codes for many numbers (each under its own limit) is
/// stopped at the address's limit, while another address goes on being served.
/// </summary>
public sealed class CodesPerAddressTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    async Task<HttpStatusCode> AskAsync(string peer)
    {
        using var request = PeerFromHeader.From(peer, HttpMethod.Post, "/api/v1/auth/code", JsonContent.Create(new { mobile = Tree.RandomMobile() }));
        using var response = await app.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task OneAddressAskingCodesForManyNumbersIsStoppedAtItsLimitAndAnotherIsNot()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) answers.Add(await AskAsync("203.0.113.7"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 10), answers.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[10]);
        Assert.Equal(HttpStatusCode.Accepted, await AskAsync("198.51.100.20"));
    }
}
