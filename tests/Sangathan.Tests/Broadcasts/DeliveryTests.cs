using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sangathan.Broadcasts;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>
/// A broadcast end to end through real gateways: SMS through Kannel to its fake SMSC, with Kannel's delivery reports
/// coming back; e-mail to the loopback SMTP server; WhatsApp to the Cloud API stand-in, with its signed status webhooks.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed class DeliveryTests(BroadcastFactory app) : IClassFixture<BroadcastFactory>
{
    [Fact]
    public async Task EachPersonGetsItOnceOnTheirChannelInTheirLanguageAndReportsUpdateEveryRow()
    {
        var admin = app.CreateAdminClient();
        var w = await AudienceWorld.BuildAsync(app, admin, "Barmer", "बाड़मेर");
        var unreachableOnWhatsApp = await AudienceWorld.MemberAsync(app, w.Branch.Booth, "Lakha Ram", "लाखा राम", "general", MemberStatus.Verified,
            preferred: Channel.WhatsApp);
        app.WhatsApp.Unreachable[unreachableOnWhatsApp.Mobile!.TrimStart('+')] = true;
        var president = app.CreatePersonClient(w.DistrictPresident.Id);

        var id = await Sending.CreateAsync(president, Sending.Broadcast(w.Branch.District));
        // Eight reachable is above the test's threshold of two: a second person must approve, and its author may not.
        var created = await president.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}");
        Assert.Equal("AwaitingApproval", created.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await president.PostAsync($"/api/v1/broadcasts/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/broadcasts/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/broadcasts/{id}/approve", null)).StatusCode);
        var done = await Sending.UntilDoneAsync(admin, id);

        // SMS: Hindi as UCS-2 from the registered header, fields filled; the opted-out get nothing.
        var sms = await FakeSmsc.WaitForAsync(w.DistrictPresident.Mobile!);
        Assert.Equal(("SNGTHN", "ucs-2"), (sms.From, sms.Coding));
        Assert.Equal("नमस्ते धन्ना राम, " + "बाड़मेर के अध्यक्ष: कल सभा है।", sms.Text);
        Assert.Equal("Hello Rohit Sharma, Member of Barmer Booth: meeting tomorrow.", (await FakeSmsc.WaitForAsync(w.EnglishMember.Mobile!)).Text);
        Assert.DoesNotContain(FakeSmsc.Received(), m => m.To == w.MandalPresident.Mobile || m.To == w.OptedOutMember.Mobile);

        // E-mail for the one who prefers it: plain and HTML parts of the same words.
        var mail = await SmtpUnderTest.WaitForAsync(w.DistrictSecretary.Email!);
        Assert.Equal("सभा: सुशीला देवी", mail.Subject);
        Assert.Contains("नमस्ते सुशीला देवी", mail.TextBody);
        Assert.Contains("<p>नमस्ते सुशीला देवी", mail.HtmlBody);
        Assert.Single(SmtpUnderTest.To(w.DistrictSecretary.Email!));

        // WhatsApp: the approved template, its body's parameters in order, our row as the callback data.
        var wa = Assert.Single(app.WhatsApp.Sent, s => s.To == w.BoothPresident.Mobile!.TrimStart('+'));
        Assert.Equal(("meeting_notice", "hi"), (wa.Template, wa.Language));
        Assert.Equal(["भंवर लाल", "बाड़मेर बूथ", "अध्यक्ष"], wa.Parameters);
        // ...and the member WhatsApp cannot reach gets SMS instead, the reason kept.
        await FakeSmsc.WaitForAsync(unreachableOnWhatsApp.Mobile!);

        // Kannel's reports (8, then 1) bring every SMS row to Delivered, with the operator's message id.
        var rows = await Sending.UntilAsync(app.WithDb, id, rs => rs.Where(r => r.Channel == Channel.Sms).All(r => r.Status == MessageStatus.Delivered));
        Assert.All(rows.Where(r => r.Channel == Channel.Sms), r => Assert.False(string.IsNullOrEmpty(r.GatewayId)));
        Assert.Equal(MessageStatus.Sent, rows.Single(r => r.Channel == Channel.Email).Status);
        Assert.EndsWith("@sangathan.test", rows.Single(r => r.Channel == Channel.Email).GatewayId);
        var rerouted = rows.Single(r => r.Channel == Channel.WhatsApp && r.Status == MessageStatus.Rerouted);
        Assert.Contains("131026", rerouted.Error);
        var failures = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/failures");
        Assert.Contains(failures.GetProperty("failures").EnumerateArray(), f => f.GetProperty("reason").GetString()!.Contains("131026"));

        // WhatsApp's webhook, signed with the app secret, says delivered; a forged one changes nothing.
        var waRow = rows.Single(r => r.Channel == Channel.WhatsApp && r.Status == MessageStatus.Sent);
        Assert.Equal(wa.Id, waRow.GatewayId);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(WhatsAppStandIn.StatusWebhook(wa, "failed", secret: "not-the-secret"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(WhatsAppStandIn.StatusWebhook(wa, "delivered"))).StatusCode);
        await Sending.UntilAsync(app.WithDb, id, rs => rs.Single(r => r.Id == waRow.Id).Status == MessageStatus.Delivered);
        Assert.Equal("ch4llenge", await anonymous.GetStringAsync("/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=ch4llenge"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=x")).StatusCode);
        // A report at the wrong secret is not taken.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/sms/dlr/wrong-secret-0123456789?ref={waRow.Id}&status=2")).StatusCode);

        Assert.Equal(8, done.GetProperty("sms").GetInt32() + done.GetProperty("email").GetInt32() + done.GetProperty("whatsApp").GetInt32());
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.Entity == nameof(Broadcast) && e.EntityId == id.ToString() && e.Action == "create")));
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.Entity == nameof(Broadcast) && e.EntityId == id.ToString() && e.Action == "broadcast-queued")));
    }

    [Fact]
    public async Task ABroadcastForLaterWaitsAndACancelledOneSendsNothing()
    {
        var admin = app.CreateAdminClient();
        var w = await AudienceWorld.BuildAsync(app, admin, "Bikaner", "बीकानेर");
        var id = await Sending.CreateAsync(admin, Sending.Broadcast(w.Branch.Booth, members: false, sendAt: DateTime.UtcNow.AddHours(2)));

        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}");
        Assert.Equal("Scheduled", view.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).StatusCode);
        Assert.Equal("Cancelled", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}")).GetProperty("status").GetString());
        Assert.Equal(0, await app.WithDb(db => db.BroadcastMessages.CountAsync(m => m.BroadcastId == id)));

        var badWords = await admin.PostAsJsonAsync("/api/v1/broadcasts", Sending.Broadcast(w.Branch.Booth, textHi: "नमस्ते {naam}"));
        Assert.Equal(HttpStatusCode.BadRequest, badWords.StatusCode);
        Assert.Contains("{naam}", await badWords.Content.ReadAsStringAsync());
        var secretary = app.CreatePersonClient(w.DistrictSecretary.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/broadcasts", Sending.Broadcast(w.Branch.Booth))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/api/v1/broadcasts/{id}")).StatusCode);
    }
}

/// <summary>The app with a new number's WhatsApp tier shrunk to one conversation a day.</summary>
public sealed class OneWhatsAppADay : BroadcastFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("WhatsApp:DailyLimit", "1")];
}

[Trait("Category", KannelUnderTest.Category)]
public sealed class WhatsAppLimitTests(OneWhatsAppADay app) : IClassFixture<OneWhatsAppADay>
{
    [Fact]
    public async Task WhatsAppBeyondTheDailyLimitGoesBySms()
    {
        var admin = app.CreateAdminClient();
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Dausa", "दौसा");
        var members = new List<Someone>();
        for (var i = 0; i < 3; i++)
            members.Add(await AudienceWorld.MemberAsync(app, branch.Booth, $"Member {i}", $"सदस्य {i}", "general", MemberStatus.Verified, preferred: Channel.WhatsApp));

        var id = await Sending.CreateAsync(admin, Sending.Broadcast(branch.Booth, bearers: false, email: false));
        // Above two: approved by a second administrator.
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateAdminClient().PostAsync($"/api/v1/broadcasts/{id}/approve", null)).StatusCode);
        await Sending.UntilDoneAsync(app.CreateAdminClient(), id);

        Assert.Single(app.WhatsApp.Sent, s => members.Any(m => m.Mobile!.TrimStart('+') == s.To));
        var bySms = 0;
        foreach (var m in members) bySms += FakeSmsc.Received().Count(r => r.To == m.Mobile);
        Assert.Equal(2, bySms);
        var rows = await app.WithDb(db => db.BroadcastMessages.AsNoTracking().Where(m => m.BroadcastId == id && m.Status == MessageStatus.Rerouted).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains("limit", r.Error));
    }
}
