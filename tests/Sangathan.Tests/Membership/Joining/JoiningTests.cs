using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>Joining online through the pages: the form, the code, the stand-in gateway's checkout and back, in Hindi.</summary>
public sealed partial class JoiningTests(JoiningFactory app) : IClassFixture<JoiningFactory>
{
    readonly Joiner joiner = new(app);

    [Fact]
    public async Task APersonRegistersConfirmsTheirMobilePaysAndWaitsForScrutiny()
    {
        var booth = await joiner.BoothAsync();
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        await phone.GetAsync("/language/hi?returnUrl=/join");
        var form = await phone.GetStringAsync($"/join?unit={booth}");
        Assert.Contains("पार्टी से जुड़ें", form);
        var voterId = Joiner.NewVoterId();
        var mobile = Tree.RandomMobile();
        using var details = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(form)), "__RequestVerificationToken" }, { new StringContent(RequestKey().Match(form).Groups[1].Value), "Input.RequestKey" },
            { new StringContent(voterId), "Input.VoterId" }, { new StringContent("सुनीता मीणा"), "Input.NameHi" }, { new StringContent(mobile[3..]), "Input.Mobile" },
            { new StringContent("st"), "Input.Category" }, { new StringContent("Female"), "Input.Gender" }, { new StringContent("29"), "Input.Age" },
            { new StringContent("true"), "Input.Consent" }, { new ByteArrayContent(TestPhotos.Jpeg()), "Photo", "camera.jpg" },
        };
        var registered = await phone.PostAsync($"/join?booth={booth}", details);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var own = registered.Headers.Location!.OriginalString;
        Assert.Matches("^/join/[A-Za-z0-9_-]{12}$", own);
        var member = await app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.VoterId == voterId));
        Assert.Equal((MemberSource.Online, MemberStatus.Unconfirmed, FeeState.Due, (int?)null), (member.Source, member.Status, member.Fee, member.EnrolledById));

        var page = await phone.GetStringAsync(own);
        Assert.Contains("चरण 1/2", page);
        Assert.DoesNotContain(mobile[3..], page); // masked
        var wrong = await Forms.PostAsync(phone, $"{own}?handler=Verify", page, new() { ["code"] = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var code = joiner.CodeSentTo(member.Mobile);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(phone, $"{own}?handler=Verify", page, new() { ["code"] = code })).StatusCode);
        page = await phone.GetStringAsync(own);
        Assert.Contains("चरण 2/2", page);

        // Pay: the page hands over to the gateway's hosted checkout with a form (no script).
        var handOver = await (await Forms.PostAsync(phone, $"{own}?handler=Pay", page, [])).Content.ReadAsStringAsync();
        var action = FormAction().Match(handOver).Groups[1].Value;
        Assert.Equal(app.StandIn.Url + "/v1/checkout/embedded", WebUtility.HtmlDecode(action));
        Assert.DoesNotContain("__RequestVerificationToken", handOver[handOver.IndexOf("<form", StringComparison.Ordinal)..]);
        var gateway = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var checkout = await gateway.PostAsync(app.StandIn.Url + "/v1/checkout/embedded", new FormUrlEncodedContent(Hidden(handOver)));
        var checkoutPage = await checkout.Content.ReadAsStringAsync();
        var orderId = OrderId().Match(checkoutPage).Value;
        var paid = await gateway.PostAsync($"{app.StandIn.Url}/v1/checkout/{orderId}/pay", new FormUrlEncodedContent(Hidden(checkoutPage, "pay")));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, paid.StatusCode);
        Assert.Equal($"http://localhost{own}/paid", paid.Headers.Location!.OriginalString);
        // The browser posts the same answer to the callback: from the gateway's site, so with no antiforgery token.
        var back = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync($"{own}/paid", new FormUrlEncodedContent(Hidden(checkoutPage, "pay")));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains("ज़िले की जाँच", await phone.GetStringAsync(own));

        member = await joiner.MemberAsync(member.Id);
        Assert.Equal((MemberStatus.Pending, FeeState.Online), (member.Status, member.Fee));
        var order = Assert.Single(await joiner.OrdersAsync(member.Id));
        Assert.Equal((PaymentState.Paid, 500), (order.State, order.AmountPaise));
        // The webhooks arrive after (and twice): nothing moves again.
        foreach (var hook in joiner.Webhooks(orderId).Concat(joiner.Webhooks(orderId))) await joiner.DeliverAsync(hook);
        var counts = await joiner.CountsAsync(booth);
        Assert.Equal((0L, 0L, 1L), (counts.GetValueOrDefault(MemberStatus.Unconfirmed), counts.GetValueOrDefault(MemberStatus.AwaitingPayment), counts[MemberStatus.Pending]));
        // The booth's counts, once the tally worker has folded them: one member waiting, who joined once today.
        var admin = app.CreateAdminClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement tally;
        while ((tally = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{booth}/members/counts")).GetProperty("awaitingScrutiny").GetInt64() != 1
            || await app.WithDb(db => db.MemberCountChanges.AnyAsync(c => c.BoothId == booth)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the counts were never folded");
            await Task.Delay(200);
        }
        Assert.Equal((1L, 0L), (tally.GetProperty("joinedLast7Days").GetInt64(), tally.GetProperty("awaitingMember").GetInt64()));
        var waiting = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/scrutiny?unitId={booth}");
        var queued = Assert.Single(waiting.GetProperty("members").EnumerateArray());
        Assert.Equal(("Online", "Online"), (queued.GetProperty("source").GetString(), queued.GetProperty("fee").GetString()));
    }

    [Fact]
    public async Task TheBrowsersWordAloneActivatesNobody()
    {
        var (token, id, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        var forged = new Dictionary<string, string>
        {
            ["razorpay_order_id"] = orderId, ["razorpay_payment_id"] = "pay_FORGED0000000", ["razorpay_signature"] = new string('a', 64),
        };
        var answer = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync($"/join/{token}/paid", new FormUrlEncodedContent(forged));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        // A well-signed answer for a payment the gateway never captured changes nothing either.
        var api = await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/payments", new
        {
            orderId, paymentId = "pay_NEVER00000000", signature = RazorpaySignatures.Payment(orderId, "pay_NEVER00000000", StandInGateway.Keys.KeySecret),
        });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(MemberStatus.AwaitingPayment, (await joiner.MemberAsync(id)).Status);
        Assert.Equal(PaymentState.Created, Assert.Single(await joiner.OrdersAsync(id)).State);

        // A failure the browser reports (unsigned) only makes the app ask: this order was in fact paid meanwhile.
        app.Gateway.PayQuietly(orderId);
        var failure = new Dictionary<string, string> { ["error[code]"] = "BAD_REQUEST_ERROR", ["error[metadata]"] = JsonSerializer.Serialize(new { order_id = orderId }) };
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync($"/join/{token}/paid", new FormUrlEncodedContent(failure))).StatusCode);
        Assert.Equal(MemberStatus.Pending, (await joiner.MemberAsync(id)).Status);
    }

    [Fact]
    public async Task OneMembershipPerVoterIdAcrossTheFieldAndTheWebsite()
    {
        var (branch, enroller) = await Joiner.EnrollerAsync(app, "Dholpur", "धौलपुर");
        var field = app.CreatePersonClient(enroller);
        var inTheField = Joiner.NewVoterId();
        var body = JsonSerializer.SerializeToNode(Joiner.Details(branch.Booth, inTheField, Tree.RandomMobile()))!;
        body["cashPaid"] = true;
        Assert.Equal(HttpStatusCode.Created, (await field.PostAsJsonAsync("/api/v1/members", body)).StatusCode);

        // On the website the answer does not say the voter ID is taken (see VoterIdClaimTests): the registration waits
        // as a claim, and holds nothing.
        var online = await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, inTheField.ToLowerInvariant(), Tree.RandomMobile()));
        Assert.Equal(HttpStatusCode.Created, online.StatusCode);

        var joinedOnline = Joiner.NewVoterId();
        Assert.Equal(HttpStatusCode.Created, (await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, joinedOnline, Tree.RandomMobile()))).StatusCode);
        var again = JsonSerializer.SerializeToNode(Joiner.Details(branch.Booth, joinedOnline, Tree.RandomMobile()))!;
        var refused = await field.PostAsJsonAsync("/api/v1/members", again);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var holders = await app.WithDb(db => db.Members.Where(m => m.Hold == VoterIdHold.Holding && (m.VoterId == inTheField || m.VoterId == joinedOnline))
            .Select(m => m.VoterId).ToListAsync());
        Assert.Equal(new[] { inTheField, joinedOnline }.Order(), holders.Order());
        // Bad details get the same answers as in the field, field by field, and nothing is saved.
        var bad = JsonSerializer.SerializeToNode(Joiner.Details(branch.Booth, "RJ12", "123"))!;
        bad["photoBase64"] = Convert.ToBase64String(TestPhotos.Pdf());
        var errors = (await (await joiner.Client.PostAsJsonAsync("/api/v1/join", bad)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("VoterId", out _) && errors.TryGetProperty("Mobile", out _) && errors.TryGetProperty("Photo", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Mandal, Joiner.NewVoterId(), Tree.RandomMobile()))).StatusCode);
    }

    [Fact]
    public async Task AJoiningCodeConfirmsOnlyItsOwnMobileAndSignsNobodyIn()
    {
        // An office bearer joins online: the code for joining is no code for signing in.
        var admin = app.CreateAdminClient();
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync("Sikar", "सीकर");
        var mobile = Tree.RandomMobile();
        await tree.AppointAsync(branch.Booth, await tree.PostIdAsync("booth", "president"), "Ramesh", "रमेश", mobile);
        var response = await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(branch.Booth, Joiner.NewVoterId(), mobile));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var code = joiner.CodeSentTo(mobile);
        Assert.Equal(HttpStatusCode.BadRequest, (await joiner.Client.PostAsJsonAsync("/api/v1/auth/token", new { mobile, code })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/confirm", new { code = "999999" == code ? "000000" : "999999" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/confirm", new { code })).StatusCode);
        // The confirmation link's page is the field's: an online member's token confirms nothing there.
        Assert.Equal(HttpStatusCode.NotFound, (await joiner.Client.GetAsync($"/m/{token}")).StatusCode);
    }

    [Fact]
    public async Task JoiningCodesAreLimitedAsSignInCodesAreAndNeverLockTheNumber()
    {
        var booth = await joiner.BoothAsync();
        var mobile = Tree.RandomMobile();
        var response = await joiner.Client.PostAsJsonAsync("/api/v1/join", Joiner.Details(booth, Joiner.NewVoterId(), mobile));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        // Three codes to a number in a quarter of an hour (the registration's was the first).
        Assert.Equal(HttpStatusCode.Accepted, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/code", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/code", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await joiner.Client.PostAsJsonAsync($"/api/v1/join/{token}/code", new { })).StatusCode);
        Assert.Equal(3, app.Sms.To(mobile).Count);
        // Wrong codes refuse the address they come from (after five), never the number: the right one from elsewhere confirms.
        var right = joiner.CodeSentTo(mobile);
        var wrong = right == "123456" ? "654321" : "123456";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) answers.Add(await ConfirmFromAsync(token, wrong, "203.0.113.88"));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, await ConfirmFromAsync(token, right, "203.0.113.88"));
        Assert.Equal("Unconfirmed", (await joiner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/join/{token}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, await ConfirmFromAsync(token, right, "198.51.100.88"));
    }

    async Task<HttpStatusCode> ConfirmFromAsync(string token, string code, string peer)
    {
        using var response = await joiner.Client.SendAsync(PeerFromHeader.From(peer, HttpMethod.Post, $"/api/v1/join/{token}/confirm", JsonContent.Create(new { code })));
        return response.StatusCode;
    }

    [Fact]
    public async Task TheMemberSeesScrutinysAnswerOnTheirOwnPageAndAFieldMemberMayPayOnline()
    {
        var admin = app.CreateAdminClient();
        var (token, id, _) = await joiner.ConfirmedAsync();
        var orderId = await joiner.OrderAsync(token);
        app.Gateway.PayQuietly(orderId);
        await joiner.DeliverAsync(joiner.Webhooks(orderId).Single(h => h.Event == "order.paid"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/members/{id}/reject", new { reason = "Not on the roll of this booth" })).StatusCode);
        Assert.Contains("Not on the roll of this booth", await joiner.Client.GetStringAsync($"/join/{token}"));
        Assert.Equal("Rejected", (await joiner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/join/{token}")).GetProperty("status").GetString());

        // In the field, without the fee in cash: the member confirms by their link, then pays online from it.
        var (branch, enroller) = await Joiner.EnrollerAsync(app, "Churu", "चूरू");
        var mobile = Tree.RandomMobile();
        var enrolled = await app.CreatePersonClient(enroller).PostAsJsonAsync("/api/v1/members", Joiner.Details(branch.Booth, Joiner.NewVoterId(), mobile));
        var memberId = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var link = LinkToken().Match(app.Sms.To(mobile).Single()).Groups[1].Value;
        var phone = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync($"/join/{link}")).StatusCode); // confirms by the link, not a code
        var confirm = await phone.GetStringAsync($"/m/{link}");
        var confirmed = await (await Forms.PostAsync(phone, $"/m/{link}", confirm, [])).Content.ReadAsStringAsync();
        Assert.Contains($"/join/{link}", confirmed);
        var fieldOrder = await joiner.OrderAsync(link);
        app.Gateway.PayQuietly(fieldOrder);
        Assert.True(await joiner.ReconcileAsync() >= 1);
        var paid = await joiner.MemberAsync(memberId);
        Assert.Equal((MemberStatus.Pending, FeeState.Online, MemberSource.Field), (paid.Status, paid.Fee, paid.Source));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/members/{memberId}/approve", new { })).StatusCode);
        Assert.Contains("verified", await phone.GetStringAsync($"/m/{link}"));
    }

    /// <summary>The hidden fields of a page's form (the one whose action contains <paramref name="action"/>, or the first).</summary>
    static Dictionary<string, string> Hidden(string html, string? action = null)
    {
        var forms = Regex.Matches(html, "<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        var form = forms.First(f => action is null || f.Groups[1].Value.Contains(action)).Groups[2].Value;
        return Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    [GeneratedRegex(@"/m/([A-Za-z0-9_-]{12})")]
    private static partial Regex LinkToken();

    [GeneratedRegex("name=\"Input.RequestKey\" value=\"([^\"]+)\"")]
    private static partial Regex RequestKey();

    [GeneratedRegex("<form class=\"edit card\" method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("order_[A-Za-z0-9]{14}")]
    private static partial Regex OrderId();
}
