using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Cards;
using Sangathan.Membership;
using Sangathan.Tests.Membership;
using Sangathan.Tests.Membership.Grants;

namespace Sangathan.Tests.Cards;

/// <summary>Cards through HTTP, on both databases: who gets them, what the QR proves, and how revocation and keys behave.</summary>
public sealed class CardsApiTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    readonly HttpClient anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task OfficeBearersWhereTheBoothLiesAndTheEnrollerDownloadCardsAndEachDownloadIsAudited()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Bundi", "बूंदी");
        await w.GrantAsync(w.OutsiderId, w.Branch.Mandal);
        var member = await w.MemberAsync(enrolledBy: w.OutsiderId);
        var pending = await w.MemberAsync(status: MemberStatus.Pending);

        var png = await w.President.GetAsync($"/api/v1/members/{member.Id}/card.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var code = Assert.Single(CardReaders.Qr(await png.Content.ReadAsByteArrayAsync()));
        var (status, body) = await CardWorld.VerifyAsync(anonymous, code);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Genuine", body.GetProperty("verdict").GetString());
        Assert.Equal("राधा कुमारी", body.GetProperty("card").GetProperty("nameHi").GetString());

        var pdf = await w.BoothPresident.GetAsync($"/api/v1/members/{member.Id}/card.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Contains("राधा कुमारी", CardReaders.Text(await pdf.Content.ReadAsByteArrayAsync())[0]);
        // The enroller may hand the card over while a grant of his covers the booth, though the booth is outside his posts.
        Assert.Equal(HttpStatusCode.OK, (await w.Outsider.GetAsync($"/api/v1/members/{member.Id}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Secretary.GetAsync($"/api/v1/members/{member.Id}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Outsider.GetAsync($"/api/v1/members/{pending.Id}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/members/{member.Id}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.President.GetAsync($"/api/v1/members/{pending.Id}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.President.GetAsync($"/api/v1/members/{member.Id}/card.gif")).StatusCode);

        var audited = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=card-print&entityId={member.Id}");
        Assert.Equal(3, audited.GetProperty("total").GetInt32());
        // Nothing personal beyond the card's own QR: no voter ID, no mobile.
        Assert.DoesNotContain(member.VoterId, code);
        var statement = await w.StatementAsync(code);
        Assert.Equal(w.Branch.Booth, statement.UnitId);
        Assert.True(MembershipNumber.IsValid(statement.Number));
    }

    /// <summary>
    /// Issue 19: a person whose appointment ended kept printing cards. Rights follow grants: an enroller prints the
    /// cards of the members they enrolled only while a grant of theirs covers the booth.
    /// </summary>
    [Fact]
    public async Task AnEnrollerWhoseGrantWasRevokedNoLongerPrintsTheCardsOfTheMembersTheyEnrolled()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Sawai Madhopur", "सवाई माधोपुर");
        // The district's secretary views the district but prints none of its cards by her post; the war room authorizes her to enroll.
        var grant = await Drive.GrantAsync(admin, w.SecretaryId, w.Branch.District);
        var member = await w.MemberAsync(enrolledBy: w.SecretaryId);
        Assert.Equal(HttpStatusCode.OK, (await w.Secretary.GetAsync($"/api/v1/members/{member.Id}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Secretary.GetAsync($"/members/{member.Id}/card")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Drive.RevokeAsync(admin, grant)).StatusCode);
        HttpStatusCode[] refused = [HttpStatusCode.Forbidden, HttpStatusCode.NotFound];
        foreach (var url in new[] { $"/api/v1/members/{member.Id}/card.png", $"/members/{member.Id}/card.pdf", $"/members/{member.Id}/card" })
            Assert.Contains((await w.Secretary.GetAsync(url)).StatusCode, refused);
        Assert.Contains((await w.Secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/link", new { })).StatusCode, refused);
        // Those who print the booth's cards by their post still do.
        Assert.Equal(HttpStatusCode.OK, (await w.President.GetAsync($"/api/v1/members/{member.Id}/card.png")).StatusCode);
    }

    [Fact]
    public async Task ForgedAlteredAndRevokedCardsAreRefusedAndAReissuedCardIsGenuine()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Baran", "बारां");
        var member = await w.MemberAsync();
        var code = await CardWorld.CodeAsync(w.President, member.Id);
        var statement = await w.StatementAsync(code);

        // One character of the name changed: the signature no longer matches.
        var i = code.Length / 3;
        var altered = code[..i] + (code[i] == 'A' ? 'B' : 'A') + code[(i + 1)..];
        var (status, body) = await CardWorld.VerifyAsync(anonymous, altered);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(body.GetProperty("verdict").GetString(), new[] { "Forged", "Unreadable" });
        // The same statement signed by someone else's key under the party's key id.
        using var forger = CardSamples.Key();
        (status, body) = await CardWorld.VerifyAsync(anonymous, CardCode.Write(statement, forger));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Forged"), (status, body.GetProperty("verdict").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("card").ValueKind);
        (status, _) = await CardWorld.VerifyAsync(anonymous, "not a card");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);

        var photo = await anonymous.PostAsJsonAsync("/api/v1/cards/photo", new { code });
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);

        // Lost: the booth's president revokes it and card 2 replaces it.
        var revoke = await w.BoothPresident.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Lost", note = "lost at the fair" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(2, (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetInt32());
        (status, body) = await CardWorld.VerifyAsync(anonymous, code);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Revoked"), (status, body.GetProperty("verdict").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await anonymous.PostAsJsonAsync("/api/v1/cards/photo", new { code })).StatusCode);
        var trust = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/cards/trust");
        Assert.Contains($"{statement.Number}.1", trust.GetProperty("revoked").EnumerateArray().Select(r => r.GetString()));
        var second = await CardWorld.CodeAsync(w.President, member.Id);
        (status, body) = await CardWorld.VerifyAsync(anonymous, second);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, statement.Number.ToString()), (body.GetProperty("card").GetProperty("issue").GetInt32(), body.GetProperty("card").GetProperty("number").GetString()));

        // Expelled: only the district decides, and no card follows.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.BoothPresident.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Expelled" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Bored" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Expelled" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Lost" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.President.GetAsync($"/api/v1/members/{member.Id}/card.png")).StatusCode);
        (status, body) = await CardWorld.VerifyAsync(anonymous, second);
        Assert.Equal("Revoked", body.GetProperty("verdict").GetString());
        var ended = await app.WithDb(db => db.Cards.Where(c => c.MemberId == member.Id).OrderBy(c => c.Issue).Select(c => c.EndReason).ToListAsync());
        Assert.Equal([CardEnd.Lost, CardEnd.Expelled], ended);
    }

    [Fact]
    public async Task AMembersFirstCardIsIssuedOnceEvenWhenAskedForManyTimesAtOnce()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Churu", "चूरू");
        var member = await w.MemberAsync();
        var others = new List<Member>();
        for (var i = 0; i < 30; i++) others.Add(await w.MemberAsync());

        // Ten downloads of one member's card and a batch of the whole booth, all at once.
        var singles = Enumerable.Range(0, 10).Select(_ => w.President.GetAsync($"/api/v1/members/{member.Id}/card.pdf")).ToList();
        var batch = w.President.GetAsync($"/api/v1/units/{w.Branch.Booth}/cards.pdf");
        var more = others.Take(10).Select(o => w.BoothPresident.GetAsync($"/api/v1/members/{o.Id}/card.pdf")).ToList();
        var answers = await Task.WhenAll(singles.Append(batch).Concat(more));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var ids = others.Select(o => o.Id).Append(member.Id).ToList();
        var numbers = await app.WithDb(db => db.MemberNumbers.Where(n => ids.Contains(n.MemberId)).ToListAsync());
        Assert.Equal(ids.Count, numbers.Count);
        Assert.Equal(ids.Count, numbers.Select(n => n.Number).Distinct().Count());
        var cards = await app.WithDb(db => db.Cards.Where(c => ids.Contains(c.MemberId)).ToListAsync());
        Assert.Equal(ids.Count, cards.Count);
        Assert.All(cards, c => Assert.Equal(1, c.Issue));
        var texts = await Task.WhenAll(answers.Take(10).Select(async a => CardReaders.Text(await a.Content.ReadAsByteArrayAsync())[0]));
        var number = MembershipNumber.Format(numbers.Single(n => n.MemberId == member.Id).Number);
        Assert.All(texts, t => Assert.Contains(number, t));
    }

    [Fact]
    public async Task ANewKeySignsNewCardsWhileOldOnesVerifyUntilTheirKeyIsRetired()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Sikar", "सीकर");
        var member = await w.MemberAsync();
        var before = await CardWorld.CodeAsync(w.President, member.Id);
        var oldKey = (await w.StatementAsync(before)).KeyId;

        Assert.Equal(HttpStatusCode.Forbidden, (await w.President.PostAsJsonAsync("/api/v1/cards/keys", new { })).StatusCode);
        var rotated = await admin.PostAsJsonAsync("/api/v1/cards/keys", new { });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var after = await CardWorld.CodeAsync(w.President, member.Id);
        Assert.Equal(newKey, (await w.StatementAsync(after)).KeyId);
        Assert.Equal(HttpStatusCode.OK, (await CardWorld.VerifyAsync(anonymous, before)).Status);
        var keys = await admin.GetFromJsonAsync<JsonElement>("/api/v1/cards/keys");
        Assert.True(keys.EnumerateArray().Single(k => k.GetProperty("id").GetInt32() == newKey).GetProperty("signing").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/cards/keys/{oldKey}/retire", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/cards/keys/{oldKey}/retire", new { })).StatusCode);
        var (status, body) = await CardWorld.VerifyAsync(anonymous, before);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "UnknownKey"), (status, body.GetProperty("verdict").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await CardWorld.VerifyAsync(anonymous, after)).Status);
        var trust = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/cards/trust");
        var trusted = trust.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(newKey, trusted);
        Assert.DoesNotContain(oldKey, trusted);
        // The private halves are sealed in the database, and never in the audit log.
        var sealedKey = await app.WithDb(db => db.CardKeys.Where(k => k.Id == newKey).Select(k => k.SealedPrivateKey).SingleAsync());
        using var probe = System.Security.Cryptography.ECDsa.Create();
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => probe.ImportPkcs8PrivateKey(sealedKey, out _));
        var log = await app.WithDb(db => db.AuditEntries.Where(e => e.Entity == nameof(CardKey)).Select(e => e.After).ToListAsync());
        Assert.NotEmpty(log);
        Assert.All(log, after => Assert.DoesNotContain(nameof(CardKey.SealedPrivateKey), after ?? ""));
    }

    [Fact]
    public async Task AUnitsBatchComesAsA4SheetsOrCardPagesForThoseWhoPrintItsCards()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Tonk", "टोंक");
        var names = Enumerable.Range(1, 12).Select(i => $"Batch Member {i:D2}").ToList();
        foreach (var n in names) await w.MemberAsync(nameEn: n, nameHi: "सदस्य " + n[^2..]);
        await w.MemberAsync(nameEn: "Not Verified", status: MemberStatus.Pending);

        var sheets = await w.President.GetAsync($"/api/v1/units/{w.Branch.Mandal}/cards.pdf");
        Assert.Equal(HttpStatusCode.OK, sheets.StatusCode);
        Assert.Equal("application/pdf", sheets.Content.Headers.ContentType!.MediaType);
        var text = CardReaders.Text(await sheets.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, text.Count);
        Assert.All(names.Take(10), n => Assert.Contains(n, text[0]));
        Assert.DoesNotContain("Not Verified", string.Concat(text));
        var cards = await w.BoothPresident.GetAsync($"/units/{w.Branch.Booth}/cards.pdf?layout=cards");
        Assert.Equal(24, CardReaders.Text(await cards.Content.ReadAsByteArrayAsync()).Count);

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Secretary.GetAsync($"/api/v1/units/{w.Branch.Mandal}/cards.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Outsider.GetAsync($"/api/v1/units/{w.Branch.Mandal}/cards.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateStaffClient("data-entry").GetAsync($"/api/v1/units/{w.Branch.Mandal}/cards.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.President.GetAsync($"/api/v1/units/{w.Branch.Mandal}/cards.pdf?layout=poster")).StatusCode);
        var audited = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=card-batch&entityId={w.Branch.Mandal}");
        Assert.Equal(1, audited.GetProperty("total").GetInt32());

        var list = await w.President.GetFromJsonAsync<JsonElement>($"/api/v1/units/{w.Branch.District}/cards");
        Assert.Equal(12, list.GetProperty("members").GetArrayLength());
        Assert.All(list.GetProperty("members").EnumerateArray(), m => Assert.Matches("^[0-9]{3} [0-9]{3} [0-9]{4}$", m.GetProperty("number").GetString()!));
    }

    [Fact]
    public async Task AMemberOpensTheirOwnCardFromALinkSentToTheirMobile()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Dausa", "दौसा");
        var member = await w.MemberAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/link", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/link", new { })).StatusCode);
        var sms = Assert.Single(app.Sms.To(member.Mobile));
        var token = System.Text.RegularExpressions.Regex.Match(sms, "/c/([A-Za-z0-9_-]{12})").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/c/{token}")).StatusCode);
        var png = await anonymous.GetAsync($"/c/{token}/card.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        var code = Assert.Single(CardReaders.Qr(await png.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, (await CardWorld.VerifyAsync(anonymous, code)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/c/AAAAAAAAAAAA/card.png")).StatusCode);

        // The member asks on the public page, with their mobile: the link goes to that mobile, and a stranger's number
        // gets the same answer and no SMS. A mobile gets three links a day.
        var page = await anonymous.GetStringAsync("/card");
        for (var i = 0; i < 3; i++)
        {
            var answer = await Infrastructure.Forms.PostAsync(anonymous, "/card", page, new() { ["mobile"] = member.Mobile[3..] });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        Assert.Equal(3, app.Sms.To(member.Mobile).Count);
        var stranger = Infrastructure.Tree.RandomMobile();
        var reply = await Infrastructure.Forms.PostAsync(anonymous, "/card", page, new() { ["mobile"] = stranger });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Empty(app.Sms.To(stranger));
        Assert.Equal(HttpStatusCode.BadRequest, (await Infrastructure.Forms.PostAsync(anonymous, "/card", page, new() { ["mobile"] = "12" })).StatusCode);
    }

    [Fact]
    public async Task EachPublicShowingOfAMembersPhotoIsAuditedOncePerCardAndAddressADay()
    {
        var w = await CardWorld.MakeAsync(app, admin, "Karauli", "करौली");
        var member = await w.MemberAsync();
        var code = await CardWorld.CodeAsync(w.President, member.Id);
        var first = await w.StatementAsync(code);

        // A verifier scanning the same card three times at a meeting: one entry, naming the card.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/cards/photo", new { code })).StatusCode);
        var shown = Assert.Single(await EntriesAsync(member.Id, "card-photo"));
        Assert.Equal("anonymous", shown.Actor);
        Assert.Equal($"{first.Number}.1", JsonDocument.Parse(shown.After!).RootElement.GetProperty("card").GetString());

        // The card lost and replaced: the new card's showing is its own entry; the old one's, refused, writes none.
        Assert.Equal(HttpStatusCode.OK, (await w.BoothPresident.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Lost" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await anonymous.PostAsJsonAsync("/api/v1/cards/photo", new { code })).StatusCode);
        var second = await CardWorld.CodeAsync(w.President, member.Id);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/cards/photo", new { code = second })).StatusCode);
        Assert.Equal([$"{first.Number}.1", $"{first.Number}.2"],
            (await EntriesAsync(member.Id, "card-photo")).Select(e => JsonDocument.Parse(e.After!).RootElement.GetProperty("card").GetString()));

        // The member's own link: every download of the card, which bears the photo, names the link it came through.
        Assert.Equal(HttpStatusCode.NoContent, (await w.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/link", new { })).StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match(Assert.Single(app.Sms.To(member.Mobile)), "/c/([A-Za-z0-9_-]{12})").Groups[1].Value;
        var link = await app.WithDb(db => db.CardLinks.Where(l => l.MemberId == member.Id).Select(l => l.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/c/{token}/card.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/c/{token}/card.pdf")).StatusCode);
        var own = await EntriesAsync(member.Id, "card-own");
        Assert.Equal(2, own.Count);
        Assert.All(own, e => Assert.Equal(link, JsonDocument.Parse(e.After!).RootElement.GetProperty("link").GetInt32()));
    }

    Task<List<Sangathan.Audit.AuditEntry>> EntriesAsync(int memberId, string action) => app.WithDb(db => db.AuditEntries.AsNoTracking()
        .Where(e => e.Entity == "Member" && e.EntityId == memberId.ToString() && e.Action == action).OrderBy(e => e.Id).ToListAsync());
}
