using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sangathan.Access;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.SignIn;

/// <summary>
/// Nobody can lock anyone out: guesses at a number's codes or an account's password are stopped at the address they come
/// from, only slow the number or account down, and tell its owner once; the owner, from another address, still gets in.
/// </summary>
public sealed partial class LockoutTests(LockoutTests.Factory app) : IClassFixture<LockoutTests.Factory>
{
    /// <summary>The app with its SMS recorded, on a clock the test can move, and a slowdown short enough to wait through.</summary>
    public sealed class Factory : SangathanFactory
    {
        public RecordingSms Sms { get; } = new();
        public TestClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Access:SlowStep", "00:00:00.060");
            builder.UseSetting("Access:SlowestAnswer", "00:00:00.300");
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<ISmsSender>(Sms);
                s.AddSingleton<TimeProvider>(Clock);
            });
        }
    }

    readonly HttpClient admin = app.CreateAdminClient();
    readonly HttpClient client = app.CreateClient();
    static int lastAddress;

    /// <summary>An address no test has used yet, from TEST-NET-3.</summary>
    static string FreshAddress()
    {
        var n = Interlocked.Increment(ref lastAddress);
        return $"203.0.{113 + n / 250}.{1 + n % 250}";
    }

    async Task<string> OfficeBearerAsync()
    {
        var tree = new Tree(admin);
        var (_, _, _, booth) = await tree.BranchAsync();
        var mobile = Tree.RandomMobile();
        await tree.AppointAsync(booth, await tree.PostIdAsync("booth", "president"), "Lockout Tester", "लॉकआउट परीक्षक", mobile);
        return mobile;
    }

    async Task<string> CodeAsync(string mobile, string peer)
    {
        using var asked = await client.SendAsync(PeerFromHeader.From(peer, HttpMethod.Post, "/api/v1/auth/code", JsonContent.Create(new { mobile })));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        return SixDigits().Match(app.Sms.To(mobile).Last()).Value;
    }

    async Task<HttpStatusCode> TryCodeAsync(string mobile, string code, string peer)
    {
        using var response = await client.SendAsync(PeerFromHeader.From(peer, HttpMethod.Post, "/api/v1/auth/token", JsonContent.Create(new { mobile, code })));
        return response.StatusCode;
    }

    static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    [Fact]
    public async Task GuessesFromManyAddressesDoNotLockTheOwnerOutOfTheirNumber()
    {
        var mobile = await OfficeBearerAsync();
        var code = await CodeAsync(mobile, FreshAddress());

        // Thirty wrong codes from six addresses: three times what used to lock the number for half an hour.
        for (var a = 0; a < 6; a++)
        {
            var attacker = FreshAddress();
            for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.BadRequest, await TryCodeAsync(mobile, Wrong(code), attacker));
        }

        Assert.Equal(HttpStatusCode.OK, await TryCodeAsync(mobile, code, FreshAddress()));
    }

    [Fact]
    public async Task AnAddressThatKeepsFailingIsRefusedButNotTheOthers()
    {
        var mobile = await OfficeBearerAsync();
        var code = await CodeAsync(mobile, FreshAddress());
        var attacker = FreshAddress();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) answers.Add(await TryCodeAsync(mobile, Wrong(code), attacker));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), HttpStatusCode.TooManyRequests], answers);
        // Refused from there even with the right code, which the owner, elsewhere, uses.
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryCodeAsync(mobile, code, attacker));
        Assert.Equal(HttpStatusCode.OK, await TryCodeAsync(mobile, code, FreshAddress()));

        // One address guessing at many numbers (a few each) is stopped at its limit for every number.
        var spreader = FreshAddress();
        for (var i = 0; i < 30; i++) await TryCodeAsync(Tree.RandomMobile(), "123456", spreader);
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryCodeAsync(Tree.RandomMobile(), "123456", spreader));
    }

    [Fact]
    public async Task GuessesAgainstANumberSlowItsAnswersDown()
    {
        var mobile = await OfficeBearerAsync();
        var code = await CodeAsync(mobile, FreshAddress());
        var quick = await TimedAsync(() => TryCodeAsync(mobile, Wrong(code), FreshAddress()));
        for (var i = 0; i < 12; i++) await TryCodeAsync(mobile, Wrong(code), FreshAddress());

        // Past five failures each answer waits 60 ms more per failure, at most 300 ms (as configured above).
        var (status, slow) = await TimedAsync(() => TryCodeAsync(mobile, code, FreshAddress()));

        Assert.Equal(HttpStatusCode.BadRequest, quick.Status);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(slow >= TimeSpan.FromMilliseconds(280), $"the answer took {slow.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TheOwnerIsToldOnceAnHourNotAtEachGuess()
    {
        var mobile = await OfficeBearerAsync();
        var code = await CodeAsync(mobile, FreshAddress());
        for (var i = 0; i < 25; i++) await TryCodeAsync(mobile, Wrong(code), FreshAddress());
        var afterFirst = Warnings(mobile);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        for (var i = 0; i < 10; i++) await TryCodeAsync(mobile, Wrong(code), FreshAddress());

        Assert.Single(afterFirst);
        Assert.Equal(2, Warnings(mobile).Count);
        // In the owner's language (Hindi unless they chose English), whoever's browser guessed.
        Assert.Contains("गलत कोड", afterFirst[0]);
        using var auditor = app.CreateAdminClient(); // the first admin's hour-long session ended as the clock moved on
        var audited = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=sign-in-warning&entityId={Uri.EscapeDataString(PersonRules.Mask(mobile))}");
        Assert.True(audited.GetProperty("total").GetInt32() >= 2); // a mask may be another number's too
    }

    [Fact]
    public async Task GuessesFromManyAddressesDoNotLockAWarRoomAccountOut()
    {
        var (name, secret) = await StaffAsync();
        for (var a = 0; a < 6; a++)
        {
            var attacker = FreshAddress();
            for (var i = 0; i < 5; i++)
                Assert.Equal(HttpStatusCode.BadRequest, await TryStaffAsync(name, "not-the-password", "123456", attacker));
        }
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(HttpStatusCode.OK, await TryStaffAsync(name, "a-long-password-1", code, FreshAddress()));
        var staffId = await app.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<StaffMember>().Where(s => s.Username == name).Select(s => s.Id)));
        var warned = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=sign-in-warning&entityId={staffId}");
        Assert.Equal(1, warned.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FailuresRecordedByAnotherServerCount()
    {
        // Counts live in the database: rows written there (as another app server writes them) refuse the address here.
        var attacker = FreshAddress();
        var mobile = Tree.RandomMobile();
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 5; i++) db.Add(new SignInFailure { Key = $"mobile:{mobile}", Address = attacker, At = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, await TryCodeAsync(mobile, "123456", attacker));
        Assert.Equal(HttpStatusCode.BadRequest, await TryCodeAsync(mobile, "123456", FreshAddress()));
    }

    async Task<(string Name, string Secret)> StaffAsync()
    {
        var name = $"lock{Guid.NewGuid():N}"[..12];
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        using var scope = app.Services.CreateScope();
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
            .RunAsync(new NewStaff(name, "Ops", "a-long-password-1", [StaffRoles.Admin], secret));
        Assert.True(outcome.Succeeded);
        return (name, secret);
    }

    async Task<HttpStatusCode> TryStaffAsync(string username, string password, string code, string peer)
    {
        using var response = await client.SendAsync(PeerFromHeader.From(peer, HttpMethod.Post, "/api/v1/auth/staff-token",
            JsonContent.Create(new { username, password, code })));
        return response.StatusCode;
    }

    List<string> Warnings(string mobile) => app.Sms.To(mobile).Where(t => !SixDigits().IsMatch(t)).ToList();

    static async Task<(HttpStatusCode Status, TimeSpan Took)> TimedAsync(Func<Task<HttpStatusCode>> call)
    {
        var watch = Stopwatch.StartNew();
        var status = await call();
        return (status, watch.Elapsed);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
