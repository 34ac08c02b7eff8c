using System.Net;
using System.Text.RegularExpressions;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Meetings;

namespace Sangathan.Tests.Broadcasts;

/// <summary>
/// Issue 21: the broadcast form a war room can work in: the unit picked by searching its name (not typed as an id), the
/// posts ticked by name (not typed as keys), and the SMS cost shown with the count, before anything is sent.
/// </summary>
public sealed class BroadcastFormTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task AUnitIsFoundByItsNameAndPostsAreTickedByName()
    {
        var name = "Pick" + Guid.NewGuid().ToString("N")[..6];
        var (branch, _, _) = await MeetingCalls.OrganizerAndInviteeAsync(app, name, "चुन" + name, "Booth head", "बूथ प्रमुख");
        var admin = app.CreateAdminClient().InEnglish();

        var found = await admin.GetStringAsync($"/broadcasts/new?find={name[..7].ToLowerInvariant()}");
        Assert.Contains($"href=\"/broadcasts/new?unit={branch.District}\"", found);
        var none = await admin.GetStringAsync("/broadcasts/new?find=NoSuchPlaceAnywhere");
        Assert.Contains("has &quot;NoSuchPlaceAnywhere&quot; in its name", none);

        var form = await admin.GetStringAsync($"/broadcasts/new?unit={branch.District}");
        Assert.Matches(new Regex("name=\"Input.Posts\" value=\"president\"[^>]*> President"), form);
        Assert.DoesNotContain("comma-separated", form);
    }

    [Fact]
    public async Task ThePreviewShowsTheSmsCostAndOnlyTheTickedPostsAreCounted()
    {
        var (branch, _, _) = await MeetingCalls.OrganizerAndInviteeAsync(app, "Sikar", "सीकर", "Booth head Sikar", "सीकर बूथ प्रमुख");
        var tree = new Tree(app.CreateAdminClient());
        await tree.AppointAsync(branch.Booth, await tree.PostIdAsync("booth", "secretary"), "Booth secretary", "बूथ मंत्री", Tree.RandomMobile());
        var admin = app.CreateAdminClient().InEnglish();
        var form = await admin.GetStringAsync($"/broadcasts/new?unit={branch.District}");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Forms.Token(form)), new("Input.UnitId", branch.District.ToString()), new("Input.Title", "Cost"),
            new("Input.OfficeBearers", "true"), new("Input.Sms", "true"), new("Input.Posts", "president"),
            // 161 Latin characters: two SMS parts in English; the Hindi is one part, so the cost is of the longer.
            new("Input.TextHi", "नमस्ते {name}"), new("Input.TextEn", "Hello {name}, " + new string('a', 160)),
        };
        var preview = await admin.PostAsync("/broadcasts/new?handler=Preview", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        // The two presidents (district and booth), not the booth's secretary: 2 SMS x the parts of the longer text x 15 paise
        // (the sample recipient's name may be in Devanagari, which makes the English text Unicode: 3 parts then, not 2).
        Assert.Contains("2 recipients", html);
        var parts = int.Parse(Regex.Match(html, "2 SMS × ([0-9]+) parts × ₹0.15 a part").Groups[1].Value);
        Assert.InRange(parts, 2, 3);
        Assert.Contains($"SMS cost: about ₹{2 * parts * 0.15m:0.00}", html);
    }
}
