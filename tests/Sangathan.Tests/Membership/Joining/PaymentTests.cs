using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// The fee's payment as the gateway reports it: signed webhooks (forged, twice, late, out of order, for the wrong
/// amount), the reconciler for pages closed mid-payment, and a new order after an abandoned one.
/// </summary>
public sealed class PaymentTests(JoiningFactory app) : IClassFixture<JoiningFactory>
{
    readonly Joiner joiner = new(app);

    [Fact]
    public async Task AForgedWebhookIsRefusedAndChangesNothing()
    {
        var (token, id, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId);
        var genuine = joiner.Webhooks(orderId)[0];
        // Signed with another secret, and a genuine body whose signature is someone else's.
        var forged = genuine with { Signature = RazorpaySignatures.Webhook(genuine.Body, "not-the-webhook-secret") };
        await joiner.DeliverAsync(forged, HttpStatusCode.BadRequest);
        await joiner.DeliverAsync(genuine with { Signature = "" }, HttpStatusCode.BadRequest);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine.Body).Replace("\"amount\":500", "\"amount\":50000"));
        await joiner.DeliverAsync(genuine with { Body = tampered }, HttpStatusCode.BadRequest);

        Assert.Equal(MemberStatus.AwaitingPayment, (await joiner.MemberAsync(id)).Status);
        Assert.Equal(PaymentState.Created, Assert.Single(await joiner.OrdersAsync(id)).State);
        Assert.False(await app.WithDb(db => db.PaymentEvents.AnyAsync(e => e.OrderId == orderId)));
        // The genuine one still counts afterwards.
        await joiner.DeliverAsync(genuine);
        Assert.Equal(MemberStatus.Pending, (await joiner.MemberAsync(id)).Status);
    }

    [Fact]
    public async Task AWebhookSignedWithThePublishedStandInSecretIsRefused()
    {
        var (token, id, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId);
        foreach (var genuine in joiner.Webhooks(orderId))
            await joiner.DeliverAsync(genuine with { Signature = RazorpaySignatures.Webhook(genuine.Body, "stand-in-webhook-secret") }, HttpStatusCode.BadRequest);
        Assert.Equal((MemberStatus.AwaitingPayment, FeeState.Due), ((await joiner.MemberAsync(id)).Status, (await joiner.MemberAsync(id)).Fee));
        Assert.Equal(PaymentState.Created, Assert.Single(await joiner.OrdersAsync(id)).State);
    }

    [Fact]
    public async Task AWebhookDeliveredTwiceIsHandledOnce()
    {
        var booth = await joiner.BoothAsync();
        var (token, id, _) = await joiner.ConfirmedAsync(booth);
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId);
        var captured = joiner.Webhooks(orderId).Single(h => h.Event == "payment.captured");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => joiner.DeliverAsync(captured)));
        await joiner.DeliverAsync(captured);

        Assert.Equal(1, await app.WithDb(db => db.PaymentEvents.CountAsync(e => e.EventId == captured.EventId)));
        var counts = await joiner.CountsAsync(booth);
        Assert.Equal((0L, 1L), (counts.GetValueOrDefault(MemberStatus.AwaitingPayment), counts[MemberStatus.Pending]));
        Assert.Equal(FeeState.Online, (await joiner.MemberAsync(id)).Fee);
    }

    [Fact]
    public async Task AFailureArrivingAfterTheCaptureLeavesItPaid()
    {
        var (token, id, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        var failedAttempt = app.Gateway.PayQuietly(orderId, paid: false);
        app.Gateway.PayQuietly(orderId);
        var hooks = joiner.Webhooks(orderId);
        Assert.Equal(["payment.failed", "payment.captured", "order.paid"], hooks.Select(h => h.Event));
        // Last first: the order is paid, then the earlier attempt's failure comes in.
        foreach (var hook in Enumerable.Reverse(hooks)) await joiner.DeliverAsync(hook);

        var order = Assert.Single(await joiner.OrdersAsync(id));
        Assert.Equal(PaymentState.Paid, order.State);
        Assert.NotEqual(failedAttempt, order.PaymentId);
        Assert.Equal(MemberStatus.Pending, (await joiner.MemberAsync(id)).Status);
    }

    [Fact]
    public async Task ACaptureArrivingAfterAFailurePays()
    {
        var booth = await joiner.BoothAsync();
        var (token, id, _) = await joiner.ConfirmedAsync(booth);
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId, paid: false);
        await joiner.DeliverAsync(joiner.Webhooks(orderId).Single());
        Assert.Equal(PaymentState.Failed, Assert.Single(await joiner.OrdersAsync(id)).State);
        var page = await joiner.Client.GetStringAsync($"/join/{token}");
        Assert.Contains("did not go through", page);
        Assert.Contains("Try again", page);

        // The payer tried again on the gateway's page with the same order, and that went through.
        app.Gateway.PayQuietly(orderId);
        await joiner.DeliverAsync(joiner.Webhooks(orderId).Single(h => h.Event == "order.paid"));
        Assert.Equal(PaymentState.Paid, Assert.Single(await joiner.OrdersAsync(id)).State);
        Assert.Equal(MemberStatus.Pending, (await joiner.MemberAsync(id)).Status);
        Assert.Equal(1L, (await joiner.CountsAsync(booth))[MemberStatus.Pending]);
    }

    [Fact]
    public async Task APaymentCompletedAfterThePageClosedActivatesByWebhookOrByTheReconciler()
    {
        // Paid, page closed, the webhook comes late.
        var (token, byWebhook, _) = await joiner.ConfirmedAsync();
        var first = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(first);
        await joiner.DeliverAsync(joiner.Webhooks(first).Single(h => h.Event == "payment.captured"));
        Assert.Equal(MemberStatus.Pending, (await joiner.MemberAsync(byWebhook)).Status);

        // Paid, page closed, no webhook at all: the reconciler asks the gateway.
        var (other, byQuery, _) = await joiner.ConfirmedAsync();
        var second = await joiner.OrderAsync(other);
        app.Gateway.PayQuietly(second);
        Assert.Equal(MemberStatus.AwaitingPayment, (await joiner.MemberAsync(byQuery)).Status);
        Assert.True(await joiner.ReconcileAsync() >= 1);
        Assert.Equal((MemberStatus.Pending, FeeState.Online), ((await joiner.MemberAsync(byQuery)).Status, (await joiner.MemberAsync(byQuery)).Fee));
        Assert.Contains("scrutiny", await joiner.Client.GetStringAsync($"/join/{other}"));
        // Its webhooks turn up after all: acknowledged, nothing moves.
        foreach (var hook in joiner.Webhooks(second)) await joiner.DeliverAsync(hook);
        Assert.Equal(PaymentState.Paid, Assert.Single(await joiner.OrdersAsync(byQuery)).State);
    }

    [Fact]
    public async Task AnAbandonedOrderIsShownAndTryingAgainMakesANewOrderNotASecondMember()
    {
        var booth = await joiner.BoothAsync();
        var (token, id, _) = await joiner.ConfirmedAsync(booth);
        var abandoned = await joiner.OrderAsync(token);
        await app.WithDb(db => db.PaymentOrders.Where(o => o.OrderId == abandoned)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, DateTime.UtcNow.AddMinutes(-31))));
        await joiner.ReconcileAsync();
        Assert.Equal(PaymentState.Abandoned, Assert.Single(await joiner.OrdersAsync(id)).State);
        var status = await joiner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/join/{token}");
        Assert.Equal(("AwaitingPayment", "Abandoned"), (status.GetProperty("status").GetString(), status.GetProperty("payment").GetString()));
        Assert.Contains("was not completed", await joiner.Client.GetStringAsync($"/join/{token}"));

        var retry = await joiner.OrderAsync(token);
        Assert.NotEqual(abandoned, retry);
        app.Gateway.PayQuietly(retry);
        var paymentId = app.Gateway.Made.Last(h => h.OrderId == retry && h.Event == "payment.captured");
        var entity = JsonDocument.Parse(paymentId.Body).RootElement.GetProperty("payload").GetProperty("payment").GetProperty("entity").GetProperty("id").GetString()!;
        // The app's checkout answered with the gateway's signature: verified, asked, settled.
        var answered = await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/payments", new
        {
            orderId = retry, paymentId = entity, signature = RazorpaySignatures.Payment(retry, entity, StandInGateway.Keys.KeySecret),
        });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("Pending", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal([PaymentState.Abandoned, PaymentState.Paid], (await joiner.OrdersAsync(id)).Select(o => o.State));
        var member = await joiner.MemberAsync(id);
        Assert.Equal(1, await app.WithDb(db => db.Members.CountAsync(m => m.VoterId == member.VoterId)));
        Assert.Equal(1L, (await joiner.CountsAsync(booth))[MemberStatus.Pending]);
        // Paid: no further order is made.
        Assert.Equal(HttpStatusCode.Conflict, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/orders", new { })).StatusCode);
    }

    [Fact]
    public async Task AnOrderTheGatewayDoesNotKnowIsAbandonedAndTheReconcilerGoesOn()
    {
        // The stand-in lost its orders (a restart), or the gateway never had this one: an answer, not an outage.
        var (lostToken, lost, _) = await joiner.ConfirmedAsync();
        await app.WithDb(async db =>
        {
            db.PaymentOrders.Add(new PaymentOrder
            {
                MemberId = lost, OrderId = "order_NOTATGATEWAY0", AmountPaise = 500, State = PaymentState.Created,
                CreatedAt = DateTime.UtcNow.AddMinutes(-40), UpdatedAt = DateTime.UtcNow.AddMinutes(-40),
            });
            await db.SaveChangesAsync();
        });
        var (token, paid, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId);

        await joiner.ReconcileAsync();
        Assert.Equal(PaymentState.Abandoned, Assert.Single(await joiner.OrdersAsync(lost)).State);
        Assert.Equal(MemberStatus.Pending, (await joiner.MemberAsync(paid)).Status);
        Assert.Contains("was not completed", await joiner.Client.GetStringAsync($"/join/{lostToken}"));
    }

    [Fact]
    public async Task ACaptureOfTheWrongAmountIsRefused()
    {
        var (token, id, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        // Genuinely signed (with the webhook secret), but for Rs 1 instead of the order's Rs 5.
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            entity = "event", @event = "payment.captured", contains = new[] { "payment" },
            payload = new { payment = new { entity = new { id = "pay_SHORT000000000", entity = "payment", amount = 100, currency = "INR", status = "captured", order_id = orderId } } },
        });
        var hook = new StandInWebhook("evt_short", "payment.captured", orderId, body, RazorpaySignatures.Webhook(body, StandInGateway.Keys.WebhookSecret));
        await joiner.DeliverAsync(hook, HttpStatusCode.BadRequest);
        Assert.Equal(MemberStatus.AwaitingPayment, (await joiner.MemberAsync(id)).Status);
        Assert.Equal(PaymentState.Created, Assert.Single(await joiner.OrdersAsync(id)).State);
    }
}
