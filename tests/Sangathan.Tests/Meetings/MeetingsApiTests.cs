using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Tests.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// A district president calls a meeting of his district: its office bearers and members are invited, the notice and the
/// reminder wait in the broadcasts' outbox, invitees answer by their link, cards are scanned (a second sync of the same
/// scan marks nobody twice), a revoked card is refused, and those outside the district see nothing of it.
/// </summary>
public sealed class MeetingsApiTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    [Fact]
    public async Task AMeetingInvitesTheDistrictsOfficeBearersAndMembersAndQueuesItsNoticeAndReminder()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Sikar", "सीकर");
        await world.MemberAsync();
        await world.MemberAsync();
        var starts = TimeSpan.FromDays(2);
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, starts));

        var meeting = await MeetingCalls.GetAsync(world.President, id);
        // President, secretary and booth president, and the two members.
        Assert.Equal(5, meeting.GetProperty("counts").GetProperty("invited").GetInt32());
        var broadcasts = await app.WithDb(db => db.Broadcasts.AsNoTracking().Where(b => b.MeetingId == id).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(2, broadcasts.Count);
        Assert.Contains("{link}", broadcasts[0].TextHi);
        Assert.True(broadcasts[0].SendAt < DateTime.UtcNow.AddMinutes(1));
        var startsAt = meeting.GetProperty("startsAt").GetDateTime().ToUniversalTime();
        Assert.Equal(startsAt.AddHours(-3), broadcasts[1].SendAt, TimeSpan.FromSeconds(1));
        Assert.True(broadcasts[1].ExceptDeclined);

        // The secretary views the district: he reads the meeting but does not call one there.
        Assert.Equal(HttpStatusCode.OK, (await world.Secretary.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Secretary.PostAsJsonAsync("/api/v1/meetings", MeetingCalls.Body(world.Branch.District, starts))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.GetAsync($"/api/v1/units/{world.Branch.District}/meetings/report")).StatusCode);
    }

    [Fact]
    public async Task MovingAMeetingTellsTheInviteesAndMovesTheReminderAndCancellingStopsIt()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Hanumangarh", "हनुमानगढ़");
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(2), members: false));
        var later = DateTimeOffset.UtcNow.AddDays(3);
        var moved = await world.President.PutAsJsonAsync($"/api/v1/meetings/{id}", new { title = "Booth committee", startsAt = later, place = "Town hall" });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        var broadcasts = await app.WithDb(db => db.Broadcasts.AsNoTracking().Where(b => b.MeetingId == id).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(4, broadcasts.Count); // notice, reminder (now cancelled), the change, the new reminder
        Assert.Equal(BroadcastStatus.Cancelled, broadcasts[1].Status);
        Assert.Contains("Town hall", broadcasts[2].TextEn);
        Assert.Equal(later.UtcDateTime.AddHours(-3), broadcasts[3].SendAt, TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NoContent, (await world.President.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel", new { })).StatusCode);
        var after = await app.WithDb(db => db.Broadcasts.AsNoTracking().Where(b => b.MeetingId == id).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(BroadcastStatus.Cancelled, after[3].Status);
        Assert.Contains("cancelled", after[^1].TextEn);
        Assert.Equal(HttpStatusCode.Conflict, (await world.President.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel", new { })).StatusCode);
        var scan = await MeetingCalls.ScanAsync(world.President, id, "SG1:ANY");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, scan.StatusCode);
    }

    [Fact]
    public async Task AMeetingWithoutAPlaceOrWithABadVideoLinkIsRefusedWithMessages()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Churu", "चूरू");
        var response = await world.President.InHindi().PostAsJsonAsync("/api/v1/meetings",
            MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(1), place: null, videoLink: "http://not-secure"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("https://", body);
        Assert.Contains("वीडियो", System.Text.RegularExpressions.Regex.Unescape(body));
        Assert.Equal(0, await app.WithDb(db => db.Meetings.CountAsync(m => m.Title == "Booth committee" && m.UnitId == world.Branch.District)));
    }

    [Fact]
    public async Task InviteesAnswerComingOrNotComingByTheirLinkAndThoseNotComingAreNotReminded()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Barmer", "बाड़मेर");
        var coming = await world.MemberAsync();
        var not = await world.MemberAsync();
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(1), bearers: false));
        var anonymous = app.CreateClient();

        var link = MeetingCalls.AnswerToken(app, id, RecipientKind.Member, coming.Id);
        var shown = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/answers/{link}");
        Assert.Equal("Booth committee", shown.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync($"/api/v1/meetings/answers/{link}", new { answer = "Coming" })).StatusCode);
        var notLink = MeetingCalls.AnswerToken(app, id, RecipientKind.Member, not.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync($"/api/v1/meetings/answers/{notLink}", new { answer = "NotComing" })).StatusCode);
        // A link altered by one letter names nobody.
        var forged = notLink[..^1] + (notLink[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/api/v1/meetings/answers/{forged}", new { answer = "Coming" })).StatusCode);

        var counts = await MeetingCalls.CountsAsync(world.President, id);
        Assert.Equal(1, counts.GetProperty("coming").GetInt32());
        Assert.Equal(1, counts.GetProperty("notComing").GetInt32());

        // The reminder's audience, counted as the outbox will when it sends it.
        var reminder = await app.WithDb(db => db.Broadcasts.AsNoTracking().Where(b => b.MeetingId == id && b.ExceptDeclined).SingleAsync());
        var reached = await app.WithDb(async db => await CountAudience.CountAsync(db, (await AudienceChoice.Of(reminder).ResolveAsync(db, default))!, DateTime.UtcNow, default));
        Assert.Equal(1, reached.Reachable);
    }

    [Fact]
    public async Task AScannedCardMarksTheMemberPresentOnceHoweverOftenTheScanIsSynced()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Pali", "पाली");
        var member = await world.MemberAsync(nameHi: "मीरा बाई", nameEn: "Meera Bai");
        var code = await CardWorld.CodeAsync(world.President, member.Id);
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(10), sms: false));

        var key = Guid.NewGuid().ToString("N");
        // The booth's president does not see the district's meetings.
        Assert.Equal(HttpStatusCode.NotFound, (await MeetingCalls.ScanAsync(world.BoothPresident, id, code, key)).StatusCode);
        var first = await MeetingCalls.ScanAsync(world.President, id, code, key);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(answer.GetProperty("present").GetBoolean());
        Assert.False(answer.GetProperty("late").GetBoolean());
        Assert.Equal("मीरा बाई", answer.GetProperty("nameHi").GetString());

        var again = await (await MeetingCalls.ScanAsync(world.President, id, code, key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("repeat").GetBoolean());
        var other = await (await MeetingCalls.ScanAsync(world.President, id, code)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(other.GetProperty("alreadyPresent").GetBoolean());

        var counts = await MeetingCalls.CountsAsync(world.President, id);
        Assert.Equal(1, counts.GetProperty("came").GetInt32());
        Assert.Equal(1, counts.GetProperty("cameInvited").GetInt32());
        Assert.Equal(1, await app.WithDb(db => db.MeetingInvitees.CountAsync(i => i.MeetingId == id && i.ArrivedAt != null)));
    }

    [Fact]
    public async Task ARevokedCardIsRefusedWithAClearMessageInHindiAndEnglish()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Tonk", "टोंक");
        var member = await world.MemberAsync();
        var code = await CardWorld.CodeAsync(world.President, member.Id);
        (await world.President.PostAsJsonAsync($"/api/v1/members/{member.Id}/card/revoke", new { reason = "Lost" })).EnsureSuccessStatusCode();
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-5), sms: false));

        var en = await MeetingCalls.ScanAsync(world.President.InEnglish(), id, code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, en.StatusCode);
        var body = await en.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Revoked", body.GetProperty("verdict").GetString());
        Assert.Equal("This card has been revoked: do not accept it.", body.GetProperty("message").GetString());
        var hi = await (await MeetingCalls.ScanAsync(world.President.InHindi(), id, code)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("यह कार्ड रद्द कर दिया गया है: इसे स्वीकार न करें।", hi.GetProperty("message").GetString());
        Assert.Equal(0, (await MeetingCalls.CountsAsync(world.President, id)).GetProperty("came").GetInt32());
    }

    [Fact]
    public async Task AScanMadeOfflineCountsAtThePhonesTimeAndLateWhenLate()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Nagaur", "नागौर");
        var member = await world.MemberAsync();
        var code = await CardWorld.CodeAsync(world.President, member.Id);
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-40), sms: false));
        var starts = (await MeetingCalls.GetAsync(world.President, id)).GetProperty("startsAt").GetDateTime().ToUniversalTime();

        // Scanned on time (5 minutes after the start), synced half an hour later: not late.
        var onTime = await (await MeetingCalls.ScanAsync(world.President, id, code, at: starts.AddMinutes(5))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(onTime.GetProperty("late").GetBoolean());
        Assert.Equal(starts.AddMinutes(5), onTime.GetProperty("arrivedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        var late = await world.MemberAsync();
        var lateCode = await CardWorld.CodeAsync(world.President, late.Id);
        var marked = await (await MeetingCalls.ScanAsync(world.President, id, lateCode)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(marked.GetProperty("late").GetBoolean());
        var counts = await MeetingCalls.CountsAsync(world.President, id);
        Assert.Equal(2, counts.GetProperty("came").GetInt32());
        Assert.Equal(1, counts.GetProperty("late").GetInt32());
    }

    [Fact]
    public async Task TheOrganizerMarksSomeoneByHandOnlyWithAReason()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Bundi", "बूंदी");
        var member = await world.MemberAsync();
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-30), sms: false));

        var none = await world.President.PostAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { kind = "member", id = member.Id, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var ok = await world.President.PostAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { kind = "member", id = member.Id, reason = "Card left at home" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var page = await world.President.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/attendees?present=true");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Manual", row.GetProperty("how").GetString());
        Assert.Equal("Card left at home", row.GetProperty("reason").GetString());
        Assert.True(row.GetProperty("late").GetBoolean());
        var audited = await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.Entity == "MeetingInvitee" && e.After!.Contains("Card left at home")));
        Assert.True(audited);
    }

    /// <summary>
    /// Issue 19: a mobile is looked for only among the people the caller may see. Another district's president, named by
    /// his mobile, is neither invited (to a new meeting or to one being changed) nor named, and the answer is word for word
    /// the one for a mobile nobody has, so that the form cannot tell whether a number is on record.
    /// </summary>
    [Fact]
    public async Task InvitingByTheMobileOfSomeoneOutOfReachNeitherInvitesNorNamesThem()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Sirohi", "सिरोही");
        var outsider = await app.WithDb(db => db.People.AsNoTracking().SingleAsync(p => p.Id == world.OutsiderId));
        var theirs = outsider.Mobile!;
        var unknown = Tree.RandomMobile();
        var organizer = world.President.InEnglish();

        async Task<string> RefusedAsync(Task<HttpResponseMessage> sent, string mobile)
        {
            var response = await sent;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            var errors = System.Text.RegularExpressions.Regex.Unescape(JsonDocument.Parse(body).RootElement.GetProperty("errors").ToString());
            Assert.DoesNotContain(outsider.NameEn, errors);
            Assert.DoesNotContain(outsider.NameHi, errors);
            return errors.Replace(mobile[^4..], "####");
        }
        Task<HttpResponseMessage> Call(string mobile) =>
            organizer.PostAsJsonAsync("/api/v1/meetings", MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(2), mobiles: [mobile], title: "Reach check"));

        var outside = await RefusedAsync(Call(theirs), theirs);
        Assert.Equal(await RefusedAsync(Call(unknown), unknown), outside);
        Assert.Contains("Nobody you may see", outside);
        Assert.Equal(0, await app.WithDb(db => db.Meetings.CountAsync(m => m.Title == "Reach check")));

        // Named when the meeting is changed: refused the same way, and nothing of the meeting changes.
        var id = await MeetingCalls.CreateAsync(organizer, MeetingCalls.Body(world.Branch.District, TimeSpan.FromDays(2), members: false));
        Task<HttpResponseMessage> Change(string mobile) => organizer.PutAsJsonAsync($"/api/v1/meetings/{id}",
            new { title = "Booth committee moved", startsAt = DateTimeOffset.UtcNow.AddDays(3), place = "Town hall", mobiles = new[] { mobile } });
        Assert.Equal(outside, await RefusedAsync(Change(theirs), theirs));
        Assert.Equal(outside, await RefusedAsync(Change(unknown), unknown));
        Assert.Equal("Booth committee", (await MeetingCalls.GetAsync(organizer, id)).GetProperty("title").GetString());
        Assert.False(await app.WithDb(db => db.MeetingInvitees.AnyAsync(i => i.Kind == RecipientKind.Person && i.RecipientId == world.OutsiderId)));
    }
}
