using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership.Joining;

namespace Sangathan.Tests.Membership.Cash;

/// <summary>What each enroller owes of the fees they took in cash, and the deposits the war room records against it.</summary>
public sealed partial class CashBookTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task TheWarRoomRecordsADepositAndTheEnrollerOwesTheRest()
    {
        var (branch, enrollerId) = await Joiner.EnrollerAsync(app, "Jhunjhunu", "झुंझुनू");
        var enroller = app.CreatePersonClient(enrollerId);
        for (var i = 0; i < 3; i++)
        {
            var member = new
            {
                voterId = "RJC" + Random.Shared.Next(1_000_000, 9_999_999), nameHi = "सदस्य", mobile = Tree.RandomMobile(), category = "general", age = 40,
                boothId = branch.Booth, consent = true, requestKey = Guid.NewGuid().ToString("N"), cashPaid = true,
                photoBase64 = Convert.ToBase64String(TestPhotos.Jpeg(seed: i)),
            };
            Assert.Equal(HttpStatusCode.Created, (await enroller.PostAsJsonAsync("/api/v1/members", member)).StatusCode);
        }

        var owing = await admin.GetFromJsonAsync<JsonElement>("/api/v1/cash-books");
        var mine = owing.EnumerateArray().Single(e => e.GetProperty("personId").GetInt32() == enrollerId);
        Assert.Equal(1500, mine.GetProperty("owedPaise").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/cash-books/{enrollerId}/deposits", new { amountPaise = 2000 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/cash-books/{enrollerId}/deposits", new { amountPaise = 1000, note = "Slip 42" })).StatusCode);
        var book = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cash-books/{enrollerId}");
        Assert.Equal(500, book.GetProperty("cash").GetProperty("owedPaise").GetInt32());
        Assert.Equal("Slip 42", book.GetProperty("deposits")[0].GetProperty("note").GetString());
        Assert.Equal(500, (await enroller.GetFromJsonAsync<JsonElement>("/api/v1/members/cash-book")).GetProperty("owedPaise").GetInt32());

        // The war room's page records the rest; the enroller's own page shows nothing owed; nobody else may record.
        await admin.GetAsync("/language/hi?returnUrl=/");
        var page = await admin.GetStringAsync("/membership/cash-books");
        Assert.Contains("मोहन झुंझुनू", page);
        var done = await Forms.PostAsync(admin, "/membership/cash-books", page, new() { ["personId"] = enrollerId.ToString(), ["rupees"] = "5", ["note"] = "Slip 43" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("₹0", Owed().Match(await enroller.GetStringAsync("/membership/cash-book")).Value);
        Assert.Equal(HttpStatusCode.Forbidden, (await enroller.PostAsJsonAsync($"/api/v1/cash-books/{enrollerId}/deposits", new { amountPaise = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enroller.GetAsync("/api/v1/cash-books")).StatusCode);
    }

    [GeneratedRegex("<strong id=\"owed\">[^<]*</strong>")]
    private static partial Regex Owed();
}
