using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// A voter ID is held by one enrollment at a time, never for good by a stranger's: the join page tells nobody whether a
/// voter ID is taken until they confirm their own mobile, and then offers the claim, which puts both enrollments
/// before the district's scrutiny. An unconfirmed enrollment holds its voter ID only for a while, a rejected one not.
/// </summary>
public sealed partial class VoterIdClaimTests(JoiningFactory app) : IClassFixture<JoiningFactory>
{
    readonly Joiner joiner = new(app);
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task TheJoinAnswersAlikeWhetherOrNotTheVoterIdIsTakenUntilTheMobileIsConfirmed()
    {
        var (branch, enroller) = await Joiner.EnrollerAsync(app, "Sawai Madhopur", "सवाई माधोपुर");
        var taken = Joiner.NewVoterId();
        var holder = Tree.RandomMobile();
        Assert.Equal(HttpStatusCode.Created, (await app.CreatePersonClient(enroller).PostAsJsonAsync("/api/v1/members", Named(branch.Booth, taken, holder))).StatusCode);

        // Through the API: the same answer, field for field, for a voter ID taken and for a free one.
        var (takenMobile, freeMobile) = (Tree.RandomMobile(), Tree.RandomMobile());
        var onTaken = await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, taken, takenMobile));
        var onFree = await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, Joiner.NewVoterId(), freeMobile));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (onTaken.StatusCode, onFree.StatusCode));
        var (takenTicket, freeTicket) = (await onTaken.Content.ReadFromJsonAsync<JsonElement>(), await onFree.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(Shape(freeTicket), Shape(takenTicket));
        var token = takenTicket.GetProperty("token").GetString()!;
        var freeToken = freeTicket.GetProperty("token").GetString()!;
        Assert.Equal(Shape(await joiner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/join/{freeToken}")),
            Shape(await joiner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/join/{token}")));
        foreach (var own in new[] { token, freeToken })
        {
            var shown = await joiner.Client.GetStringAsync($"/join/{own}");
            Assert.Contains("Step 1 of 2", shown);
            Assert.DoesNotContain("already enrolled", shown);
        }
        Assert.Single(app.Sms.To(takenMobile)); // its code went, as any registration's does

        // Through the page: a redirect to the person's own page, as for anyone.
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await phone.GetStringAsync($"/join?unit={branch.Booth}");
        var registered = await phone.PostAsync($"/join?booth={branch.Booth}", PageForm(form, taken, Tree.RandomMobile()));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // The mobile confirmed, the person is told what they may do, and about no one.
        var confirmed = await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/confirm", new { code = joiner.CodeSentTo(takenMobile) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Unconfirmed", true), (view.GetProperty("status").GetString(), view.GetProperty("canClaim").GetBoolean()));
        var page = await joiner.Client.GetStringAsync($"/join/{token}");
        Assert.Contains("this voter ID is already enrolled. If it is yours, you can claim it", page);
        Assert.Contains("Claim this voter ID", page);
        Assert.DoesNotContain("Kamla", page);
        Assert.DoesNotContain(holder[3..], page);
        Assert.DoesNotContain(holder[^4..], view.GetRawText());
        var free = await joiner.Client.PostAsJsonAsync($"/api/v1/join/{freeToken}/confirm", new { code = joiner.CodeSentTo(freeMobile) });
        Assert.False((await free.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("canClaim").GetBoolean());
        // Nothing to claim for one who holds their voter ID.
        Assert.Equal(HttpStatusCode.Conflict, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{freeToken}/claim", new { })).StatusCode);
    }

    [Fact]
    public async Task AClaimPutsBothEnrollmentsBeforeTheDistrictsScrutinyEvenAVerifiedOne()
    {
        var (branch, enroller) = await Joiner.EnrollerAsync(app, "Tonk", "टोंक");
        var field = app.CreatePersonClient(enroller);
        var voterId = Joiner.NewVoterId();
        var squatter = JsonSerializer.SerializeToNode(Named(branch.Booth, voterId, Tree.RandomMobile()))!;
        squatter["cashPaid"] = true;
        var held = await field.PostAsJsonAsync("/api/v1/members", squatter);
        var holderId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await app.WithDb(db => db.Members.Where(m => m.Id == holderId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Pending)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/members/{holderId}/approve", new { })).StatusCode);

        // The real voter joins online with their own mobile, confirms it, and claims on their page.
        var mobile = Tree.RandomMobile();
        var ticket = await (await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, voterId, mobile))).Content.ReadFromJsonAsync<JsonElement>();
        var token = ticket.GetProperty("token").GetString()!;
        var claimantId = ticket.GetProperty("member").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/claim", new { })).StatusCode); // mobile first
        Assert.Equal(HttpStatusCode.OK, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/confirm", new { code = joiner.CodeSentTo(mobile) })).StatusCode);
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await phone.GetStringAsync($"/join/{token}");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(phone, $"/join/{token}?handler=Claim", page, [])).StatusCode);
        Assert.Equal("AwaitingPayment", (await joiner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/join/{token}")).GetProperty("status").GetString());
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId);
        await joiner.DeliverAsync(joiner.Webhooks(orderId).Single(h => h.Event == "order.paid"));

        // Both before scrutiny, flagged, the verified one too.
        var queue = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/scrutiny?unitId={branch.Booth}")).GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([holderId, claimantId], queue.Select(m => m.GetProperty("id").GetInt32()));
        Assert.Equal(["Verified", "Pending"], queue.Select(m => m.GetProperty("status").GetString()));
        Assert.All(queue, m => Assert.Contains(m.GetProperty("flags").EnumerateArray(), f => f.GetString()!.StartsWith("VoterIdClaimed")));
        Assert.Contains("Here because another enrollment claims this voter ID", await app.CreateAdminClient(followRedirects: true).GetStringAsync($"/membership/scrutiny?unit={branch.Booth}"));

        // One member per voter: the claimant is verified only once the holder is rejected.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/members/{claimantId}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/members/{holderId}/send-back", new { reason = "check" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/members/{holderId}/reject", new { reason = "Not the voter on the roll" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/members/{claimantId}/approve", new { })).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/scrutiny?unitId={branch.Booth}")).GetProperty("members").EnumerateArray());
        var members = await app.WithDb(db => db.Members.AsNoTracking().Where(m => m.VoterId == voterId).OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([MemberStatus.Rejected, MemberStatus.Verified], members);
        // The voter ID is the claimant's now: a new enrollment of it is refused.
        var again = await field.PostAsJsonAsync("/api/v1/members", Joiner.Details(branch.Booth, voterId, Tree.RandomMobile()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already enrolled", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnconfirmedEnrollmentHoldsItsVoterIdOnlyForAWhileAndARejectedOneNotAtAll()
    {
        var (branch, enroller) = await Joiner.EnrollerAsync(app, "Bharatpur", "भरतपुर");
        var field = app.CreatePersonClient(enroller);
        var (lapsed, recent, rejected) = (Joiner.NewVoterId(), Joiner.NewVoterId(), Joiner.NewVoterId());
        var lapsedMobile = Tree.RandomMobile();
        var lapsedToken = (await (await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, lapsed, lapsedMobile)))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        await app.WithDb(db => db.Members.Where(m => m.VoterId == lapsed).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTime.UtcNow.AddDays(-8))));
        Assert.Equal(HttpStatusCode.Created, (await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, recent, Tree.RandomMobile()))).StatusCode);
        await app.WithDb(db => db.Members.Where(m => m.VoterId == recent).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTime.UtcNow.AddDays(-6))));
        var (_, rejectedId, _) = await joiner.ConfirmedAsync(branch.Booth, rejected);
        await app.WithDb(db => db.Members.Where(m => m.Id == rejectedId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Pending)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/members/{rejectedId}/reject", new { reason = "Photo of someone else" })).StatusCode);

        // Unconfirmed for eight days (the hold is seven): the voter ID is free. Six days: still held. Rejected: free.
        Assert.Equal(HttpStatusCode.Created, (await field.PostAsJsonAsync("/api/v1/members", Joiner.Details(branch.Booth, lapsed, Tree.RandomMobile()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await field.PostAsJsonAsync("/api/v1/members", Joiner.Details(branch.Booth, recent, Tree.RandomMobile()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await field.PostAsJsonAsync("/api/v1/members", Joiner.Details(branch.Booth, rejected, Tree.RandomMobile()))).StatusCode);

        // The one who let it lapse confirms their mobile after all: the voter ID went to another, so they may claim it.
        var resent = await joiner.Client.PostAsJsonAsync($"/api/v1/join/{lapsedToken}/code", new { });
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        var view = await (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{lapsedToken}/confirm", new { code = joiner.CodeSentTo(lapsedMobile) }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("canClaim").GetBoolean());

        // So in the field: enrolled, not confirmed for eight days, the voter ID went to a registration on the website;
        // the member then opens their link and confirms their own mobile, which claims it, flagged on both.
        var fieldVoterId = Joiner.NewVoterId();
        var fieldMobile = Tree.RandomMobile();
        var enrolled = await (await field.PostAsJsonAsync("/api/v1/members", Joiner.Details(branch.Booth, fieldVoterId, fieldMobile))).Content.ReadFromJsonAsync<JsonElement>();
        var fieldId = enrolled.GetProperty("id").GetInt32();
        await app.WithDb(db => db.Members.Where(m => m.Id == fieldId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTime.UtcNow.AddDays(-8))));
        var online = await (await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, fieldVoterId, Tree.RandomMobile()))).Content.ReadFromJsonAsync<JsonElement>();
        var onlineId = online.GetProperty("member").GetProperty("id").GetInt32();
        var link = LinkToken().Match(app.Sms.To(fieldMobile).Single()).Groups[1].Value;
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.True((await Forms.PostAsync(phone, $"/m/{link}", await phone.GetStringAsync($"/m/{link}"), [])).StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
        var queue = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/scrutiny?unitId={branch.Booth}")).GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([fieldId, onlineId], queue.Select(m => m.GetProperty("id").GetInt32()));
        Assert.All(queue, m => Assert.StartsWith("VoterIdClaimed", Assert.Single(m.GetProperty("flags").EnumerateArray()).GetString()));
    }

    /// <summary>A field enrollment under a name the claimant must never be shown.</summary>
    static JsonNode Named(int booth, string voterId, string mobile)
    {
        var body = JsonSerializer.SerializeToNode(Joiner.Details(booth, voterId, mobile))!;
        (body["nameEn"], body["nameHi"]) = ("Kamla Devi", "कमला देवी");
        return body;
    }

    /// <summary>An answer with what differs by person taken out (ids, tokens, masked numbers): what is left must be alike.</summary>
    static string Shape(JsonElement json) => json.ValueKind == JsonValueKind.Object
        ? "{" + string.Join(",", json.EnumerateObject().Select(p => p.Name + ":" + (Personal.Contains(p.Name) ? "_" : Shape(p.Value)))) + "}"
        : json.GetRawText();

    static readonly string[] Personal = ["id", "token", "voterId", "mobile"];

    internal static MultipartFormDataContent PageForm(string form, string voterId, string mobile) => new()
    {
        { new StringContent(Forms.Token(form)), "__RequestVerificationToken" }, { new StringContent(RequestKey().Match(form).Groups[1].Value), "Input.RequestKey" },
        { new StringContent(voterId), "Input.VoterId" }, { new StringContent("सुनीता मीणा"), "Input.NameHi" }, { new StringContent(mobile[3..]), "Input.Mobile" },
        { new StringContent("st"), "Input.Category" }, { new StringContent("Female"), "Input.Gender" }, { new StringContent("29"), "Input.Age" },
        { new StringContent("true"), "Input.Consent" }, { new ByteArrayContent(TestPhotos.Jpeg()), "Photo", "camera.jpg" },
    };

    [GeneratedRegex(@"/m/([A-Za-z0-9_-]{12})")]
    private static partial Regex LinkToken();

    [GeneratedRegex("name=\"Input.RequestKey\" value=\"([^\"]+)\"")]
    private static partial Regex RequestKey();
}
