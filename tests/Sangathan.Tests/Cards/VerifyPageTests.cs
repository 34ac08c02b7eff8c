using System.Net.Http.Json;
using Microsoft.Playwright;
using Sangathan.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests.Cards;

/// <summary>
/// A volunteer at a gate checks cards on the public page: with the phone's camera (a fake one, filming the card), then
/// with no connection at all: forged and altered cards are refused there too, and a revoked card once the phone's
/// list was refreshed.
/// </summary>
public sealed class VerifyPageTests : IAsyncLifetime
{
    readonly MembershipFactory app = new();
    Uri address = null!;

    public Task InitializeAsync()
    {
        address = app.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task TheCameraReadsAGenuineCardAndOfflineForgedAlteredAndRevokedCardsAreRefused()
    {
        var admin = app.CreateAdminClient();
        admin.BaseAddress = address;
        var world = await CardWorld.MakeAsync(app, admin, "Jhalawar", "झालावाड़");
        var member = await world.MemberAsync(nameHi: "गीता कुमारी मीणा", nameEn: "Geeta Kumari Meena");
        world.President.BaseAddress = address;
        var card = await (await world.President.GetAsync($"/api/v1/members/{member.Id}/card.png")).Content.ReadAsByteArrayAsync();
        var code = Assert.Single(CardReaders.Qr(card));

        await using var camera = await FakeCamera.ShowingAsync(BackOf(card));
        var page = await camera.NewPageAsync(address);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/language/hi?returnUrl=/verify");
        await Until(page, "document.getElementById('list-state').dataset.fetched !== undefined");
        await Until(page, "navigator.serviceWorker.controller !== null");

        await page.ClickAsync("#scan");
        var result = page.Locator("#result[data-source=online]");
        await Expect(result).ToHaveAttributeAsync("data-verdict", "Genuine", new() { Timeout = 20_000 });
        await Expect(page.Locator("#name-hi")).ToHaveTextAsync("गीता कुमारी मीणा");
        await Expect(page.Locator("#photo")).ToBeVisibleAsync();
        Assert.StartsWith("data:image/jpeg", await page.Locator("#photo").GetAttributeAsync("src"));
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "verify-hi-360.png"), FullPage = true });

        // No connection from here on: the page and its list come from the phone.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        using var forger = CardSamples.Key();
        var statement = await world.StatementAsync(code);
        await Check(page, CardSamples.Printer().Png(CardSamples.Face(), CardCode.Write(statement, forger)), "Forged");
        var i = code.Length / 3;
        var altered = code[..i] + (code[i] == 'A' ? 'B' : 'A') + code[(i + 1)..];
        var verdict = await Check(page, CardSamples.Printer().Png(CardSamples.Face(), altered), null);
        Assert.Contains(verdict, new[] { "Forged", "Unreadable" });
        await Check(page, card, "Genuine");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "verify-offline-hi-360.png"), FullPage = true });

        // Revoked: at once online; offline once the phone's list was refreshed.
        var revoked = await world.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Lost" });
        revoked.EnsureSuccessStatusCode();
        await context.SetOfflineAsync(false);
        await page.ReloadAsync();
        await Until(page, "document.getElementById('list-state').dataset.revoked === '1'");
        await Check(page, card, "Revoked", "online");
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Check(page, card, "Revoked", "offline");
    }

    /// <summary>Picks a picture of a card as from the phone's gallery and waits for the verdict.</summary>
    static async Task<string> Check(IPage page, byte[] picture, string? expected, string source = "offline")
    {
        await page.EvaluateAsync("() => { const r = document.getElementById('result'); r.hidden = true; delete r.dataset.verdict; delete r.dataset.source; }");
        await page.SetInputFilesAsync("#picture", new FilePayload { Name = "card.png", MimeType = "image/png", Buffer = picture });
        var result = page.Locator($"#result[data-source={source}]");
        await Expect(result).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var verdict = (await result.GetAttributeAsync("data-verdict"))!;
        if (expected is not null) Assert.Equal(expected, verdict);
        return verdict;
    }

    /// <summary>The back of the card (the lower half of the phone image), as it is held up to a camera.</summary>
    internal static byte[] BackOf(byte[] png)
    {
        using var both = SKBitmap.Decode(png);
        using var back = new SKBitmap();
        both.ExtractSubset(back, SKRectI.Create(0, both.Height / 2, both.Width, both.Height / 2));
        using var image = SKImage.FromBitmap(back);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>Polls a condition in the page (not WaitForFunction, whose string predicate the CSP's no-eval refuses).</summary>
    internal static async Task Until(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await page.EvaluateAsync<bool>(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never true in the page: " + condition);
            await Task.Delay(100);
        }
    }
}
