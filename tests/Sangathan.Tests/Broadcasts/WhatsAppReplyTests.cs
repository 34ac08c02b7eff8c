using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>
/// Someone who writes STOP (or बंद) to the party's WhatsApp, or taps a STOP quick-reply button, gets no more WhatsApp:
/// the webhook Meta posts, signed with the app secret, opts that number out, once however often Meta retries it, and
/// the audience reaches them by SMS instead. Forged or malformed webhooks change nothing and never fail the app.
/// </summary>
[Trait("Category", KannelUnderTest.Category)]
public sealed class WhatsAppReplyTests(BroadcastFactory app) : IClassFixture<BroadcastFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    readonly HttpClient meta = app.CreateClient();

    async Task<JsonElement> CountAsync(int unit) =>
        await (await admin.PostAsJsonAsync("/api/v1/broadcasts/audience", AudienceWorld.Choice(unit, enrollers: false, members: false)))
            .Content.ReadFromJsonAsync<JsonElement>();

    Task<List<ChannelOptOut>> OptOutsAsync(string address) =>
        app.WithDb(db => db.ChannelOptOuts.AsNoTracking().Where(o => o.Address == address).ToListAsync());

    [Fact]
    public async Task AStopWrittenInHindiStopsWhatsAppToThatNumberOnceAndSmsTakesOver()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Barmer", "बाड़मेर");
        var mobile = w.BoothPresident.Mobile!;
        var before = await CountAsync(w.Branch.District);
        Assert.Equal(1, before.GetProperty("whatsApp").GetInt32());

        using var reply = WhatsAppStandIn.TextWebhook(mobile.TrimStart('+'), "बंद");
        var body = await reply.Content!.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, (await meta.SendAsync(reply)).StatusCode);
        // Meta posts it again when our answer is lost: still one opt-out.
        using var retried = WhatsAppStandIn.Signed(body);
        Assert.Equal(HttpStatusCode.OK, (await meta.SendAsync(retried)).StatusCode);

        var stop = Assert.Single(await OptOutsAsync(mobile));
        Assert.Equal((Channel.WhatsApp, OptOutSource.WhatsAppReply), (stop.Channel, stop.Source));
        var after = await CountAsync(w.Branch.District);
        Assert.Equal(0, after.GetProperty("whatsApp").GetInt32());
        Assert.Equal(before.GetProperty("sms").GetInt32() + 1, after.GetProperty("sms").GetInt32());
    }

    [Fact]
    public async Task AStopQuickReplyButtonStopsWhatsAppAndOtherRepliesDoNot()
    {
        var (tapper, writer) = (Tree.RandomMobile(), Tree.RandomMobile());
        using (var tap = WhatsAppStandIn.ButtonWebhook(tapper.TrimStart('+'), "STOP", "Stop promotions", replyTo: $"wamid.{Guid.NewGuid():N}"))
            Assert.Equal(HttpStatusCode.OK, (await meta.SendAsync(tap)).StatusCode);
        using (var hello = WhatsAppStandIn.TextWebhook(writer.TrimStart('+'), "stopped by the office, will come tomorrow"))
            Assert.Equal(HttpStatusCode.OK, (await meta.SendAsync(hello)).StatusCode);
        using (var yes = WhatsAppStandIn.ButtonWebhook(writer.TrimStart('+'), "YES", "हाँ, आऊँगा", replyTo: $"wamid.{Guid.NewGuid():N}"))
            Assert.Equal(HttpStatusCode.OK, (await meta.SendAsync(yes)).StatusCode);

        Assert.Equal(Channel.WhatsApp, Assert.Single(await OptOutsAsync(tapper)).Channel);
        Assert.Empty(await OptOutsAsync(writer));
    }

    [Fact]
    public async Task ForgedUnsignedOrMalformedWebhooksAreRefusedAndChangeNothing()
    {
        var mobile = Tree.RandomMobile();
        using (var forged = WhatsAppStandIn.TextWebhook(mobile.TrimStart('+'), "STOP", secret: "not-the-app-secret"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await meta.SendAsync(forged)).StatusCode);
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/v1/whatsapp/webhook"))
        {
            unsigned.Content = new StringContent(await WhatsAppStandIn.TextWebhook(mobile.TrimStart('+'), "STOP").Content!.ReadAsStringAsync(),
                Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await meta.SendAsync(unsigned)).StatusCode);
        }
        foreach (var body in new[]
        {
            "not json", "[1, 2]", """{"entry": "x"}""", """{"entry": [{"changes": [{"value": "x"}]}]}""",
            """{"entry": [{"changes": [{"value": {"messages": [5]}}]}]}""", """{"entry": [{"changes": [{"value": {"statuses": [null]}}]}]}""",
        })
        {
            using var malformed = WhatsAppStandIn.Signed(body);
            Assert.Equal(HttpStatusCode.BadRequest, (await meta.SendAsync(malformed)).StatusCode);
        }
        // Well-formed, but nothing of ours: a sender that is no number, a photo, a status of a message we never sent.
        using (var odd = WhatsAppStandIn.Signed($$$"""
            {"entry": [{"changes": [{"value": {
              "messages": [{"from": "abc", "type": "text", "text": {"body": "STOP"}}, {"from": "{{{mobile.TrimStart('+')}}}", "type": "image", "image": {"id": "1"}},
                           {"from": "{{{mobile.TrimStart('+')}}}", "type": "text", "text": 7}],
              "statuses": [{"id": "wamid.x", "status": "delivered", "biz_opaque_callback_data": "999999999"}, {"status": "read"}]}}]}]}
            """))
            Assert.Equal(HttpStatusCode.OK, (await meta.SendAsync(odd)).StatusCode);
        Assert.Empty(await OptOutsAsync(mobile));
    }

    [Fact]
    public void TheWebhookIsReadForStatusesAndForStopsByTextButtonOrInteractiveReply()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
              {"field": "messages", "value": {"statuses": [{"id": "wamid.A", "status": "read", "biz_opaque_callback_data": "42"},
                                                           {"id": "wamid.B", "status": "failed", "biz_opaque_callback_data": "43",
                                                            "errors": [{"code": 131026, "title": "Message undeliverable"}]}]}},
              {"field": "messages", "value": {"messages": [
                {"from": "919800000001", "type": "text", "text": {"body": " stop "}},
                {"from": "919800000002", "type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "opt-out", "title": "बंद करें"}}},
                {"from": "919800000003", "type": "button", "button": {"payload": "unsubscribe", "text": "No more"}},
                {"from": "919800000004", "type": "text", "text": {"body": "नमस्ते"}}]}}]}]}
            """);
        var events = WhatsAppEvents.Read(body, DateTime.UnixEpoch)!;
        Assert.Equal([(42L, ReportKind.Delivered, "wamid.A"), (43L, ReportKind.Failed, "wamid.B")], events.Reports.Select(r => (r.MessageId, r.Kind, r.GatewayId!)));
        Assert.Equal("131026 Message undeliverable", events.Reports[1].Detail);
        Assert.Equal(["919800000001", "919800000002", "919800000003"], events.Stops);
    }
}
