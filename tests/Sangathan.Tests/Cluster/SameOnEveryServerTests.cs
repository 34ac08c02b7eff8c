using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Meetings;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Cluster;

/// <summary>
/// Two app servers on one database (this class's app and a second one in the same test process), as behind a load
/// balancer: what one gives out, the other must take, with no setting made for it.
/// </summary>
public sealed class SameOnEveryServerTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task ACodeOrLinkMadeByOneServerIsCheckedByAnother()
    {
        await using var other = new SecondServer(app);
        T From<T>(IServiceProvider services) where T : notnull => services.GetRequiredService<T>();

        Assert.Equal(From<CodeHasher>(app.Services).Hash("+919812345678", "123456"), From<CodeHasher>(other.Services).Hash("+919812345678", "123456"));
        Assert.Equal(77L, From<OptOutLinks>(other.Services).MessageOf(From<OptOutLinks>(app.Services).Token(77)));
        var answer = From<MeetingTokens>(app.Services).Answer(5, RecipientKind.Person, 9);
        Assert.Equal((5, RecipientKind.Person, 9), From<MeetingTokens>(other.Services).ReadAnswer(answer));
    }

    [Fact]
    public async Task AFormGivenOutByOneServerIsAcceptedByAnotherAndTheKeysAreInTheDatabase()
    {
        await using var other = new SecondServer(app);
        var cookies = new CookieContainer();
        using var first = app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        using var second = other.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));

        var form = await first.GetStringAsync("/staff/sign-in");
        var posted = await Forms.PostAsync(second, "/staff/sign-in", form,
            new() { ["Username"] = "nobody", ["Password"] = "wrong-password", ["Code"] = "000000" });

        // Refused for the wrong password: the page again, with the name as typed; a token this server could not read
        // would have stopped the post before the page saw it, with the bare error page.
        Assert.Contains("value=\"nobody\"", await posted.Content.ReadAsStringAsync());
        Assert.True(await app.WithDb(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task APhotoLikeOneEnrolledBeforeThisServerStartedIsFlagged()
    {
        var branch = await new Tree(app.CreateAdminClient()).BranchAsync("Sikar", "सीकर");
        var photo = MemberPhoto.Check(TestPhotos.Jpeg(400, 300, seed: 11)).Photo!.Hash;
        var now = DateTime.UtcNow;
        var ids = await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "en", Text = "test", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = now };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            // The first two days ago, the second now: the same picture re-saved (two bits apart).
            var members = new[] { (now.AddDays(-2), photo), (now, photo ^ 0b11L) }.Select((m, i) => new Member
            {
                VoterId = $"SIM{Random.Shared.Next(1_000_000, 9_999_999)}", NameEn = $"Member {i}", NameHi = $"सदस्य {i}", Mobile = Tree.RandomMobile(),
                Category = "general", Age = 30, BoothId = branch.Booth, Source = MemberSource.Field, Status = MemberStatus.Unconfirmed, Fee = FeeState.Cash,
                RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id, ConsentAt = m.Item1, CreatedAt = m.Item1, PhotoHash = m.Item2,
            }).ToList();
            db.Members.AddRange(members);
            await db.SaveChangesAsync();
            return members.Select(m => m.Id).ToList();
        });

        // A server that was not running when the first enrolled (started since, or another one): it holds no memory of it.
        var fresh = ActivatorUtilities.CreateInstance<MemberFlagger>(app.Services);
        await app.WithDb(async db => { while (await fresh.RunAsync(db, now + MemberFlagger.Settle, default) > 0) { } });

        var flag = await app.WithDb(db => db.MemberFlags.AsNoTracking().SingleAsync(f => f.MemberId == ids[1] && f.Kind == FlagKind.SimilarPhoto));
        Assert.Contains($"member {ids[0]}'s", flag.Detail);
    }

    [Fact]
    public async Task ALoadBalancerAsksWhetherTheServerIsAliveAndWhetherItIsReady()
    {
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("healthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
