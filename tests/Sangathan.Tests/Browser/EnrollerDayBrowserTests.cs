using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sangathan.Access;
using Sangathan.Membership;
using Sangathan.Messaging;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using Sangathan.Tests.Membership.Grants;
using static Microsoft.Playwright.Assertions;
using Cookie = Microsoft.Playwright.Cookie;

namespace Sangathan.Tests;

/// <summary>
/// The app with SMS recorded and a meter on every response: the bytes the server sends (headers and body as they go on
/// the wire, compressed when they are), whoever asks, the page or its service worker.
/// </summary>
public sealed class FieldPagesFactory : SangathanFactory
{
    public RecordingSms Sms { get; } = new();
    public ByteMeter Meter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ISmsSender>(Sms);
            services.AddSingleton<IStartupFilter>(new MeterFirst(Meter));
        });
    }

    sealed class MeterFirst(ByteMeter meter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(meter.MeasureAsync);
            next(app);
        };
    }
}

/// <summary>Counts the bytes of every response: its status line and headers, and its body as sent (after compression).</summary>
public sealed class ByteMeter
{
    long bytes;
    public ConcurrentQueue<string> Paths { get; } = new();

    public long Bytes => Interlocked.Read(ref bytes);

    public void Reset()
    {
        Interlocked.Exchange(ref bytes, 0);
        Paths.Clear();
    }

    public async Task MeasureAsync(HttpContext http, Func<Task> next)
    {
        var counting = new CountingStream(http.Response.Body);
        http.Response.Body = counting;
        http.Response.OnCompleted(() =>
        {
            long head = "HTTP/1.1 200 OK\r\n".Length + 2;
            foreach (var (name, values) in http.Response.Headers) head += name.Length + 2 + values.ToString().Length + 2;
            Interlocked.Add(ref bytes, head + counting.Written);
            Paths.Enqueue($"{http.Request.Path}{http.Request.QueryString} {http.Response.StatusCode} {head + counting.Written}");
            return Task.CompletedTask;
        });
        await next();
    }

    sealed class CountingStream(Stream inner) : Stream
    {
        public long Written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) { Written += count; inner.Write(buffer, offset, count); }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Written += buffer.Length; return inner.WriteAsync(buffer, ct); }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) { Written += count; return inner.WriteAsync(buffer, offset, count, ct); }
    }
}

/// <summary>
/// The enroller's day on a phone (issue 20), in Chromium at 360 px in Hindi: a worker with no post, authorized by the
/// district president by mobile, signs in with the code the SMS brought, goes from the menu to enroll, enrolls a member
/// with a photo, sees the member in "my members" and sends the member's SMS again. The taps of one enrollment are
/// counted (typing aside); the bytes each field page costs, first visit and repeat, are measured and printed.
/// </summary>
public sealed class EnrollerDayBrowserTests(Browser browser, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<Browser>, IAsyncLifetime
{
    /// <summary>A phone's camera app: the shutter, then "OK" to hand the picture back to the page.</summary>
    const int CameraTaps = 2;

    readonly FieldPagesFactory app = new();
    Uri address = null!;

    public Task InitializeAsync()
    {
        address = app.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, $"enroller-day-{name}-hi-360.png");

    [Fact]
    public async Task AWorkerSignsInEnrollsWithAPhotoInFewTapsSeesTheMemberAndResendsTheSms()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var d = await District.CreateAsync(app, admin, "Sikar", "सीकर");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        president.BaseAddress = address;
        var workerMobile = Tree.RandomMobile();
        Assert.Equal(HttpStatusCode.Created, (await president.PostAsJsonAsync("/api/v1/grants", new { mobile = workerMobile, unitId = d.Booth, name = "रेखा कार्यकर्ता" })).StatusCode);

        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(360, 740);
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=hi|uic=hi", Url = address.ToString() }]);

        // Sign in: the mobile, the code the SMS brought.
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#Mobile", workerMobile[3..]);
        await page.ClickAsync("form.edit button[type=submit]");
        await Expect(page.Locator("#Code")).ToBeVisibleAsync();
        // The code's SMS may go out a moment after the page answers.
        var code = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(20); code.Length == 0 && DateTime.UtcNow < deadline; await Task.Delay(100))
            code = app.Sms.To(workerMobile).Select(t => Regex.Match(t, @"\b\d{6}\b").Value).LastOrDefault(c => c.Length > 0) ?? "";
        Assert.NotEqual("", code);
        await page.FillAsync("#Code", code);
        await page.ScreenshotAsync(new() { Path = Shot("sign-in"), FullPage = true });
        await page.ClickAsync("form.edit button[type=submit]");

        // Home starts with enrolling; the menu's one tap takes the worker to their booth's form.
        await Expect(page.Locator("#enroll")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("home"), FullPage = true });
        await page.ClickAsync("#enroll");
        await Expect(page.Locator($"form[data-enroll][data-booth='{d.Booth}']")).ToBeVisibleAsync();

        // One enrollment: typing aside, every tap counted, the camera app's included.
        var taps = 0;
        async Task TapAsync(string selector) { await page.ClickAsync(selector); taps++; }
        var voterId = "RJT" + Random.Shared.Next(1_000_000, 9_999_999);
        var mobile = Tree.RandomMobile();
        await page.FillAsync("#Input_VoterId", voterId);
        await page.FillAsync("#Input_Name", "सुनीता देवी");
        await page.FillAsync("#Input_Mobile", mobile[3..]);
        await page.FillAsync("#Input_Age", "38");
        await TapAsync("#Input_Gender label >> nth=0");
        await TapAsync("#Input_Category label >> nth=2");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => TapAsync("label.photo-take"));
        await chooser.SetFilesAsync(new FilePayload { Name = "camera.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.Jpeg(seed: 7) });
        taps += CameraTaps;
        await Expect(page.Locator("#photo-preview")).ToBeVisibleAsync();
        await TapAsync("#Input_Consent");
        await page.ScreenshotAsync(new() { Path = Shot("enroll-filled"), FullPage = true });
        await TapAsync("form[data-enroll] button[type=submit]");
        // A photo the phone judges poor asks for a second tap on Enroll; none is expected of this one.
        await Expect(page.Locator("#outbox li[data-state=sent]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Shot("enrolled"), FullPage = true });
        var member = await app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.VoterId == voterId));
        Assert.Equal((d.Booth, MemberStatus.Unconfirmed), (member.BoothId, member.Status));
        Assert.NotNull(member.PhotoId);
        Assert.Single(app.Sms.To(mobile));
        output.WriteLine($"Taps for one enrollment (typing aside): {taps}");
        Assert.True(taps <= 8, $"{taps} taps for one enrollment");

        // My members: the member waiting for their confirmation; the SMS sent again from there.
        await page.GotoAsync("/membership/mine");
        await Expect(page.Locator($"li[data-member='{member.Id}'][data-status=waiting]")).ToBeVisibleAsync();
        await page.ClickAsync($"li[data-member='{member.Id}'] form button");
        await Expect(page.Locator("p.card[role=status]")).ToBeVisibleAsync();
        Assert.Equal(2, app.Sms.To(mobile).Count);
        await page.ScreenshotAsync(new() { Path = Shot("mine-resent"), FullPage = true });

        // What each field page costs: the first visit on a phone that never opened the site, then a repeat.
        var session = await app.OpenPersonSessionAsync(member.EnrolledById!.Value);
        var lines = new List<string>();
        foreach (var (name, path) in new[] { ("sign-in", "/sign-in"), ("home", "/"), ("enroll", $"/membership/enroll?unit={d.Booth}"), ("my members", "/membership/mine") })
        {
            var (first, repeat) = await WeighAsync(name == "sign-in" ? null : session, path);
            lines.Add($"| {name} | {first / 1024.0:0.0} KB | {repeat / 1024.0:0.0} KB |");
            Assert.True(first < 150 * 1024, $"{name}: first visit {first} bytes");
            Assert.True(repeat < 30 * 1024, $"{name}: repeat visit {repeat} bytes");
        }
        output.WriteLine("Field pages (bytes the server sent):\n" + string.Join("\n", lines));
        await File.WriteAllLinesAsync(Path.Combine(Browser.ScreenshotFolder, "enroller-day-weights.txt"), [$"taps {taps}", .. lines]);
    }

    /// <summary>The bytes a page costs on a new phone (an empty cache), then opened again on the same phone.</summary>
    async Task<(long First, long Repeat)> WeighAsync(string? session, string path)
    {
        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(360, 740);
        List<Cookie> cookies = [new Cookie { Name = ".AspNetCore.Culture", Value = "c=hi|uic=hi", Url = address.ToString() }];
        if (session is not null) cookies.Add(new Cookie { Name = SessionAuthentication.Cookie, Value = session, Url = address.ToString() });
        await context.AddCookiesAsync(cookies);
        app.Meter.Reset();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        // The enrollment page's worker keeps its scripts and fonts at once: that too is the first visit's cost.
        if (await page.EvaluateAsync<bool>("'serviceWorker' in navigator && !!document.querySelector('form[data-enroll]')"))
            await UntilAsync(page, "navigator.serviceWorker.controller !== null");
        await Task.Delay(500);
        var first = app.Meter.Bytes;
        app.Meter.Reset();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Task.Delay(500);
        var repeat = app.Meter.Bytes;
        output.WriteLine($"{path}: {string.Join("; ", app.Meter.Paths)}");
        return (first, repeat);
    }

    static async Task UntilAsync(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await page.EvaluateAsync<bool>(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never true in the page: " + condition);
            await Task.Delay(100);
        }
    }
}
