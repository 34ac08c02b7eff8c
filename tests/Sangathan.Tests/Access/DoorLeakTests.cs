using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Import;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Access;

/// <summary>
/// The leaks an outside test found where a use case checked access by hand (issue 19), each through HTTP as the caller
/// who found it: a block president in one district, an office bearer of another.
/// </summary>
public sealed class DoorLeakTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);

    sealed record Bearer(int PersonId, int AppointmentId, string Mobile, string NameEn);

    async Task<Bearer> AppointAsync(int unit, string level, string post, string nameEn, string nameHi)
    {
        var mobile = Tree.RandomMobile();
        var appointment = await Tree.AppointAsync(unit, await Tree.PostIdAsync(level, post), nameEn, nameHi, mobile);
        var person = await app.WithDb(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.PersonId).SingleAsync());
        return new(person, appointment, mobile, nameEn);
    }

    /// <summary>Jaipur's block president (who edits his block) and an office bearer of Kota, with a voter ID on record.</summary>
    async Task<(HttpClient BlockPresident, (int District, int Block, int Mandal, int Booth) Jaipur, Bearer Other, string OtherVoterId)> WorldAsync()
    {
        var jaipur = await Tree.BranchAsync("Jaipur", "जयपुर");
        var kota = await Tree.BranchAsync("Kota", "कोटा");
        var president = await AppointAsync(jaipur.Block, "block", "president", "Bhanwar Lal", "भंवर लाल");
        var other = await AppointAsync(kota.Booth, "booth", "president", "Kishan Kota" + Random.Shared.Next(1000, 9999), "किशन कोटा");
        var voterId = "KOT" + Random.Shared.Next(1_000_000, 9_999_999);
        await app.WithDb(db => db.People.Where(p => p.Id == other.PersonId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.VoterId, voterId).SetProperty(p => p.Email, "kishan@kota.example").SetProperty(p => p.Village, "Kaithun")));
        return (app.CreatePersonClient(president.PersonId), jaipur, other, voterId);
    }

    [Fact]
    public async Task AnImportRowAboutSomeoneOutOfReachIsRefusedNamingNobodyAndChangingNothing()
    {
        var (blockPresident, jaipur, other, otherVoterId) = await WorldAsync();
        var blockCode = await app.WithDb(db => db.Units.Where(u => u.Id == jaipur.Mandal).Select(u => u.Code).SingleAsync());
        // His own mandal's rows, but with the Kota office bearer's mobile (and new e-mail, village), and with the Kota
        // office bearer's voter ID on a new person.
        var file = ImportClient.Csv($"""
            Unit code,Post,Name,Name Hindi,Mobile,Email,Village,Voter ID
            {blockCode},secretary,{other.NameEn},किशन,{other.Mobile[3..]},changed@evil.example,Elsewhere,
            {blockCode},treasurer,Ramesh New,रमेश,{Tree.RandomMobile()[3..]},,,{otherVoterId}
            """);
        var imports = new ImportClient(blockPresident);

        var id = await imports.UploadOkAsync("mine.csv", file);
        var job = await imports.SettledAsync(id);
        var rows = job.GetProperty("rowPage").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal("Reject", r.GetProperty("planned").GetString()));
        var problems = string.Join("\n", rows.SelectMany(r => r.GetProperty("problems").EnumerateArray()).Select(p => p.GetProperty("problem").GetString()));
        Assert.Contains("outside your part of the organization", problems);
        Assert.DoesNotContain("Kishan", problems);
        var committed = await imports.CommitAsync(id);
        Assert.Equal(0, committed.GetProperty("creates").GetInt32() + committed.GetProperty("updates").GetInt32());

        var after = await app.WithDb(db => db.People.AsNoTracking().SingleAsync(p => p.Id == other.PersonId));
        Assert.Equal("kishan@kota.example", after.Email);
        Assert.Equal("Kaithun", after.Village);
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.VoterId == otherVoterId)));
    }

    [Fact]
    public async Task AppointingANewPersonByAMobileOutOfReachIsRefusedAndAppointsNobody()
    {
        var (blockPresident, jaipur, other, _) = await WorldAsync();
        var post = await Tree.PostIdAsync("booth", "secretary");

        var response = await blockPresident.PostAsJsonAsync($"/api/v1/units/{jaipur.Booth}/appointments",
            new { postId = post, newPerson = new { nameEn = "Anyone", nameHi = "कोई", mobile = other.Mobile } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(other.NameEn, body);
        Assert.Equal(0, await app.WithDb(db => db.Appointments.CountAsync(a => a.PersonId == other.PersonId && a.UnitId == jaipur.Booth)));
        Assert.Equal(HttpStatusCode.NotFound, (await blockPresident.GetAsync($"/api/v1/people/{other.PersonId}")).StatusCode);
    }

    [Fact]
    public async Task SearchMasksAPastOfficeBearersMobileAsThePersonPageDoes()
    {
        var jaipur = await Tree.BranchAsync("Jaipur", "जयपुर");
        var past = await AppointAsync(jaipur.Booth, "booth", "secretary", "Pastname" + Random.Shared.Next(1000, 9999), "पूर्व");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/appointments/{past.AppointmentId}/end", new { until = (string?)null, reason = "Stepped down" })).StatusCode);
        var president = await AppointAsync(jaipur.District, "district", "president", "Dinesh Jaipur", "दिनेश");
        var reader = app.CreatePersonClient(president.PersonId);

        var page = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/people/{past.PersonId}");
        var byName = (await new Tree(reader).SearchAsync(past.NameEn)).GetProperty("people").EnumerateArray().Single();
        var byMobile = (await new Tree(reader).SearchAsync(past.Mobile)).GetProperty("people").EnumerateArray().Single();

        Assert.True(page.GetProperty("contactsMasked").GetBoolean());
        Assert.Equal(page.GetProperty("mobile").GetString(), byName.GetProperty("mobile").GetString());
        Assert.Equal(page.GetProperty("mobile").GetString(), byMobile.GetProperty("mobile").GetString());
        Assert.DoesNotContain(past.Mobile[5..], byName.GetProperty("mobile").GetString());
    }

    [Fact]
    public async Task TheEditFormNeverFillsInMaskedContactsAndKeepsThemWhenLeftEmpty()
    {
        var jaipur = await Tree.BranchAsync("Jaipur", "जयपुर");
        var past = await AppointAsync(jaipur.Booth, "booth", "secretary", "Formname", "फ़ॉर्म");
        await admin.PostAsJsonAsync($"/api/v1/appointments/{past.AppointmentId}/end", new { until = (string?)null, reason = "Stepped down" });
        var current = await AppointAsync(jaipur.Booth, "booth", "president", "Currentname", "वर्तमान");

        // Data entry edits everyone but is refused the reveal; the administrator reveals only with a reason.
        foreach (var editor in new[] { app.CreateStaffClient("data-entry"), admin })
        {
            var form = await editor.GetStringAsync($"/people/{past.PersonId}/edit");
            Assert.DoesNotContain(past.Mobile[3..], form);
            Assert.Contains("••••", form);
            var saved = await Forms.PostAsync(editor, $"/people/{past.PersonId}/edit", form,
                new() { ["Input.NameEn"] = "Formname", ["Input.NameHi"] = "फ़ॉर्म", ["Input.Mobile"] = "", ["Input.Email"] = "" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(past.Mobile, await app.WithDb(db => db.People.Where(p => p.Id == past.PersonId).Select(p => p.Mobile).SingleAsync()));
        }

        // A current office bearer's form is filled in, and that view of the contacts is in the audit log.
        var before = await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == "view-contacts" && e.EntityId == current.PersonId.ToString()));
        Assert.Contains(current.Mobile[3..], await admin.GetStringAsync($"/people/{current.PersonId}/edit"));
        Assert.Equal(before + 1, await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == "view-contacts" && e.EntityId == current.PersonId.ToString())));
    }

    [Fact]
    public async Task AMaskedNumberGetsNoCallOrWhatsAppButtonAndItsWhatsAppIsMaskedToo()
    {
        var jaipur = await Tree.BranchAsync("Jaipur", "जयपुर");
        var past = await AppointAsync(jaipur.Booth, "booth", "secretary", "Buttonname", "बटन");
        await app.WithDb(db => db.People.Where(p => p.Id == past.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.WhatsApp, past.Mobile)));
        await admin.PostAsJsonAsync($"/api/v1/appointments/{past.AppointmentId}/end", new { until = (string?)null, reason = "Stepped down" });

        var page = await admin.GetStringAsync($"/people/{past.PersonId}");

        Assert.DoesNotContain("tel:", page);
        Assert.DoesNotContain("wa.me", page);
        Assert.DoesNotContain(past.Mobile[5..], page);
    }

    [Fact]
    public async Task EndingThePostSuspendsTheGrantItCarriedAndANewPostRestoresIt()
    {
        var jaipur = await Tree.BranchAsync("Jaipur", "जयपुर");
        var president = await AppointAsync(jaipur.District, "district", "president", "Grantname", "ग्रांट");
        var grant = await Membership.Grants.Drive.GrantAsync(admin, president.PersonId, jaipur.District);
        var enroller = app.CreatePersonClient(president.PersonId);
        Assert.Equal(HttpStatusCode.Created, (await enroller.PostAsJsonAsync("/api/v1/members", Member(jaipur.Booth))).StatusCode);
        var member = await app.WithDb(db => db.Members.Where(m => m.EnrolledById == president.PersonId).Select(m => m.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/appointments/{president.AppointmentId}/end", new { until = (string?)null, reason = "Stepped down" })).StatusCode);

        var refused = await enroller.PostAsJsonAsync("/api/v1/members", Member(jaipur.Booth));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, refused.StatusCode.ToString());
        Assert.Equal(1, await app.WithDb(db => db.Members.CountAsync(m => m.EnrolledById == president.PersonId)));
        Assert.NotNull(await app.WithDb(db => db.Grants.Where(g => g.Id == grant).Select(g => g.SuspendedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await enroller.GetAsync($"/api/v1/units/{jaipur.District}")).StatusCode);

        // Back in a post that carries it: the grant is in force again, no one had to grant it anew.
        await Tree.AppointAsync(jaipur.District, await Tree.PostIdAsync("district", "vice-president"), "Grantname", "ग्रांट", president.Mobile);
        Assert.Null(await app.WithDb(db => db.Grants.Where(g => g.Id == grant).Select(g => g.SuspendedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Created, (await enroller.PostAsJsonAsync("/api/v1/members", Member(jaipur.Booth))).StatusCode);
        Assert.True(member > 0);
    }

    static Dictionary<string, object?> Member(int boothId) => new()
    {
        ["voterId"] = "RJD" + Random.Shared.Next(1_000_000, 9_999_999), ["nameEn"] = "Kamla Devi", ["nameHi"] = "कमला देवी",
        ["mobile"] = Tree.RandomMobile(), ["category"] = "obc", ["gender"] = "Female", ["age"] = 42, ["village"] = "Pisangan",
        ["address"] = "Ward 4", ["boothId"] = boothId, ["consent"] = true, ["requestKey"] = Guid.NewGuid().ToString("N"), ["cashPaid"] = true,
        ["photoBase64"] = Convert.ToBase64String(TestPhotos.Jpeg()),
    };
}
