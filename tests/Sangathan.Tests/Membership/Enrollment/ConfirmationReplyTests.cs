using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Membership;
using Sangathan.Tests.Broadcasts;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership.Grants;

namespace Sangathan.Tests.Membership.Enrollment;

/// <summary>
/// The member confirms their enrollment as it happens in a village (issue 20): the one SMS comes through Kannel to the
/// phone (read back from Kannel's fake SMSC), and the member's reply goes in as a phone's reply does, through the
/// "replies" fake SMSC and Kannel's sms-service to /api/v1/sms/mo. Only the app on the port that sms-service calls
/// receives replies, so this class shares a collection with the other class on that port.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
[Collection(KannelReplies.Collection)]
public sealed class ConfirmationReplyTests(RepliesFactory app) : IClassFixture<RepliesFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    /// <summary>A text typed on a phone, sent to the party's number through the "replies" fake SMSC (UTF-8 passes as it is).</summary>
    static async Task SendFromPhoneAsync(string from, string text)
    {
        using var phone = Process.Start(new ProcessStartInfo(KannelUnderTest.FakeSmscProgram,
            ["-H", "127.0.0.1", "-r", KannelUnderTest.RepliesPort.ToString(), "-m", "1", $"{from} 56161 text {text}"])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        // fakesmsc sends its message and then waits for more: give it the moment it needs, then stop it.
        await Task.Delay(1500);
        phone.Kill();
    }

    async Task<MemberStatus> WaitForStatusAsync(int id, MemberStatus wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await app.WithDb(db => db.Members.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
            if (status == wanted || DateTime.UtcNow > deadline) return status;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task AMemberConfirmsByReplyingToTheirOneSmsFromTheirOwnPhoneThroughKannel()
    {
        var d = await District.CreateAsync(app, admin, "Nagaur", "नागौर");
        await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        var workerMobile = Tree.RandomMobile();
        Assert.Equal(HttpStatusCode.Created, (await president.PostAsJsonAsync("/api/v1/grants", new { mobile = workerMobile, unitId = d.Booth, name = "रेखा कार्यकर्ता" })).StatusCode);
        var worker = app.CreatePersonClient(await app.WithDb(db => db.People.Where(p => p.Mobile == workerMobile).Select(p => p.Id).SingleAsync()));

        var mobile = Tree.RandomMobile();
        var enrolled = await worker.PostAsJsonAsync("/api/v1/members", new Dictionary<string, object?>
        {
            ["voterId"] = "RJD" + Random.Shared.Next(1_000_000, 9_999_999), ["nameHi"] = "कमला देवी", ["mobile"] = mobile,
            ["category"] = "sc", ["gender"] = "Female", ["age"] = 41, ["boothId"] = d.Booth, ["consent"] = true,
            ["requestKey"] = Guid.NewGuid().ToString("N"), ["cashPaid"] = true, ["photoBase64"] = Convert.ToBase64String(TestPhotos.Jpeg()),
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The phone gets one SMS of one part, in Hindi (the member's language unless the enroller chose English), with the code.
        var sms = await FakeSmsc.WaitForAsync(mobile, TimeSpan.FromSeconds(30));
        Assert.NotEqual("udh", sms.Coding);
        Assert.Equal(1, SmsSegments.Count(sms.Text).Segments);
        Assert.Contains("सदस्यता", sms.Text);
        var hash = await app.WithDb(db => db.MemberConfirmations.Where(c => c.MemberId == id).Select(c => c.TokenHash).SingleAsync());
        var code = ConfirmationLink.ReplyCode(hash);
        Assert.Contains(code, sms.Text);

        // The code from another phone, and another code from theirs, change nothing.
        var wrong = code == "0000" ? "1111" : "0000";
        await SendFromPhoneAsync(Tree.RandomMobile().TrimStart('+'), code);
        await SendFromPhoneAsync(mobile.TrimStart('+'), wrong);
        Assert.Equal(MemberStatus.Unconfirmed, await WaitForStatusAsync(id, MemberStatus.Pending));

        // From their own phone, as operators write the sender, in Devanagari figures as a Hindi keypad types them.
        var devanagari = new string(code.Select(c => (char)('०' + (c - '0'))).ToArray());
        await SendFromPhoneAsync(mobile.TrimStart('+'), "हाँ " + devanagari);
        Assert.Equal(MemberStatus.Pending, await WaitForStatusAsync(id, MemberStatus.Pending));
        Assert.NotNull(await app.WithDb(db => db.Members.Where(m => m.Id == id).Select(m => m.MobileConfirmedAt).SingleAsync()));

        // Thanked once, through Kannel again; a second reply changes nothing and starts no exchange.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (FakeSmsc.WholeTo(mobile).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(2, FakeSmsc.WholeTo(mobile).Count);
        Assert.Contains("पुष्टि", FakeSmsc.WholeTo(mobile)[^1]);
        await SendFromPhoneAsync(mobile.TrimStart('+'), code);
        await Task.Delay(2000);
        Assert.Equal(2, FakeSmsc.WholeTo(mobile).Count);
    }
}

/// <summary>Test classes whose app listens on the one port Kannel's sms-service hands replies to: they run one after another.</summary>
public static class KannelReplies
{
    public const string Collection = "Kannel replies";
}
