using Microsoft.Playwright;
using Sangathan.Broadcasts;
using Sangathan.Meetings;
using Sangathan.Tests.Import;
using Sangathan.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sangathan.Tests;

/// <summary>
/// Issue 21's screens a war room works in, in Hindi on a phone (360 px) and a desk (1366 px): attendance marked by hand
/// for several people at once, the broadcast form's unit picker, posts by name and cost, the import's column mapping
/// in Hindi, and times in the party's zone. Each is left as a screenshot for a person to look at.
/// </summary>
public sealed class WarRoomScreensBrowserTests(DemoSite site, Browser browser) : IClassFixture<DemoSite>, IClassFixture<Browser>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1366)]
    public async Task TheWarRoomsScreensReadInHindi(int width)
    {
        var meeting = await site.QueryAsync(async db =>
        {
            var starts = DateTime.UtcNow.AddMinutes(-20);
            var m = new Meeting
            {
                UnitId = site.Booth.Id, Title = "बूथ समिति की बैठक", StartsAt = starts, EndsAt = starts.AddHours(2), Month = MeetingRules.MonthOf(starts, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")),
                Place = "पंचायत भवन", OfficeBearers = true, CreatedBy = "staff:screens", Status = MeetingStatus.Scheduled, Invited = site.Booth.Bearers.Count,
            };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            db.MeetingInvitees.AddRange(site.Booth.Bearers.Select(b => new MeetingInvitee { MeetingId = m.Id, Kind = RecipientKind.Person, RecipientId = b.PersonId, Invited = true }));
            await db.SaveChangesAsync();
            return m.Id;
        });
        var page = await site.StaffPageAsync(browser, width);
        await using var context = page.Context;
        await page.GotoAsync($"/language/hi?returnUrl=/meetings/{meeting}");

        // Two ticked, one reason, one tap: both present, and the page is back at the list with its filter.
        await page.GotoAsync($"/meetings/{meeting}?show=waiting#attendance");
        var boxes = page.Locator("input[name=pick]");
        Assert.True(await boxes.CountAsync() >= 2);
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.Locator("#reason").FillAsync("स्कैनर की बैटरी ख़त्म");
        await ShotAsync(page, "meeting-mark-ticked", width);
        await page.GetByRole(AriaRole.Button, new() { Name = "टिक किए गए लोगों को उपस्थित दर्ज करें" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/meetings/{meeting}\\?show=waiting#attendance$"));
        await Expect(page.Locator("dd[data-count=came]")).ToHaveTextAsync("2");
        await page.GotoAsync($"/meetings/{meeting}#attendance");
        await Expect(page.Locator("#attendees")).ToContainTextAsync("स्कैनर की बैटरी ख़त्म");
        await ShotAsync(page, "meeting-marked", width);

        // The broadcast form: a unit found by its Hindi name, posts by name, and the cost before sending.
        await page.GotoAsync("/broadcasts/new?find=जोधपुर");
        await Expect(page.Locator("#unit-picker li").First).ToContainTextAsync("जोधपुर");
        await ShotAsync(page, "broadcast-unit-picker", width);
        await page.Locator("#unit-picker li a").First.ClickAsync();
        await page.FillAsync("#Input_Title", "रविवार की सभा");
        await page.Locator("input[name='Input.Posts'][value=president]").CheckAsync();
        await page.FillAsync("#Input_TextHi", "नमस्ते {name}, रविवार को {unit} में सभा है। सभी पदाधिकारी समय पर पहुँचें।");
        await page.FillAsync("#Input_TextEn", "Hello {name}, meeting in {unit} on Sunday.");
        await page.ClickAsync("form.edit button[formnovalidate]");
        await Expect(page.Locator("#cost")).ToContainTextAsync("SMS का ख़र्च");
        await ShotAsync(page, "broadcast-cost", width);

        // The import's column mapping, every field named in Hindi.
        var district = "Map" + Guid.NewGuid().ToString("N")[..6];
        var file = ImportClient.Csv($"जिला,ब्लॉक,मंडल,बूथ संख्या,पद,कार्यकर्ता,मोबाइल\nजयपुर,{district},M1,5,अध्यक्ष,हरि राम,{Tree.RandomMobile()}\n");
        await page.GotoAsync("/imports");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "karyakarta.csv", MimeType = "text/csv", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "अपलोड करें और जाँचें" }).ClickAsync();
        await Expect(page.Locator("form select").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("form select").First).ToContainTextAsync("मोबाइल");
        await ShotAsync(page, "import-mapping", width);

        // Times in the party's zone: the audit.
        await page.GotoAsync("/audit");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(" UTC");
        await ShotAsync(page, "audit-party-time", width);
    }

    static async Task ShotAsync(IPage page, string name, int width)
    {
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{name} is wider than {width} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-hi-{width}.png"), FullPage = true });
    }
}
