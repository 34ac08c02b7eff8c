using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Demo;
using Sangathan.Organization;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

// Not Sangathan.Tests.Browser: a namespace of that name would hide the Browser fixture from every test class in
// Sangathan.Tests.
namespace Sangathan.Tests;

/// <summary>
/// The app on Kestrel over the small demo, seeded once for a test class: the demo is the realistic tree with Hindi
/// names a browser test wants to walk. <see cref="Booth"/> is a Jaipur booth whose page has something to check.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    readonly SangathanFactory app = new();

    public Uri Address { get; private set; } = null!;
    public DemoBooth Booth { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Address = app.ServeOnKestrel();
        await app.WithDb(db => DemoSeeder.SeedAsync(db, DemoScale.Small, NullLogger.Instance, default));
        Booth = await app.WithDb(PickBoothAsync);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>A new war-room administrator for one browser to sign in as (each has its own authenticator).</summary>
    public async Task<(string Username, string Password, string Secret)> NewStaffAsync()
    {
        var username = $"web{Guid.NewGuid():N}"[..16];
        const string password = "browser-password-1";
        var secret = OtpNet.Base32Encoding.ToString(OtpNet.KeyGeneration.GenerateRandomKey(20));
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AddStaff>()
            .RunAsync(new NewStaff(username, "Browser", password, [StaffRoles.Admin], secret));
        return (username, password, secret);
    }

    /// <summary>A new page of the given width, signed in through the war-room sign-in form with an authenticator code.</summary>
    public async Task<IPage> StaffPageAsync(Browser browser, int width)
    {
        var page = await browser.NewPageAsync(Address);
        await page.SetViewportSizeAsync(width, 740);
        var (username, password, secret) = await NewStaffAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.GotoAsync("/staff/sign-in");
        await page.Locator("#Username").FillAsync(username);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("#Code").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp());
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rajasthan");
        return page;
    }

    /// <summary>A new page of the given width, signed in as this person (a session as signing in by code opens one).</summary>
    public async Task<IPage> PersonPageAsync(Browser browser, int width, int personId)
    {
        var page = await browser.NewPageAsync(Address);
        await page.SetViewportSizeAsync(width, 740);
        await page.Context.AddCookiesAsync([new() { Name = SessionAuthentication.Cookie, Value = await app.OpenPersonSessionAsync(personId),
            Domain = Address.Host, Path = "/" }]);
        return page;
    }

    /// <summary>Runs a query on the demo's database, for a test to pick who and what it looks at.</summary>
    public Task<T> QueryAsync<T>(Func<AppDb, Task<T>> query) => app.WithDb(query);

    /// <summary>The first Jaipur booth with its president on record and at least two office bearers with a mobile.</summary>
    static async Task<DemoBooth> PickBoothAsync(AppDb db)
    {
        var jaipur = await db.Units.Where(u => u.Code == "RJ-JPR").Select(u => u.Id).SingleAsync();
        var current = db.Appointments.Where(a => a.Until == null);
        var booth = await db.Units.AsNoTracking()
            .Where(u => u.RegionId == jaipur && u.Level!.Key == "booth")
            .Where(u => current.Any(a => a.UnitId == u.Id && db.Posts.Any(p => p.Id == a.PostId && p.Key == "president")))
            .Where(u => current.Count(a => a.UnitId == u.Id && db.People.Any(p => p.Id == a.PersonId && p.Mobile != null)) >= 2)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Path }).FirstAsync();

        var path = UnitRules.IdsOn(booth.Path);
        var names = await db.Units.Where(u => path.Contains(u.Id)).OrderBy(u => u.Depth).Select(u => u.NameHi).ToListAsync();
        var bearers = await current.Where(a => a.UnitId == booth.Id)
            .Join(db.Posts, a => a.PostId, p => p.Id, (a, p) => new { a.PersonId, PostHi = p.NameHi })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new DemoBearer(p.Id, p.NameHi, p.NameEn, x.PostHi, p.Mobile))
            .ToListAsync();
        return new(booth.Id, names, bearers);
    }
}

/// <summary>A booth, the Hindi names on its path (state first, the booth last) and its current office bearers.</summary>
public sealed record DemoBooth(int Id, IReadOnlyList<string> PathHi, IReadOnlyList<DemoBearer> Bearers);

public sealed record DemoBearer(int PersonId, string NameHi, string NameEn, string PostHi, string? Mobile);
