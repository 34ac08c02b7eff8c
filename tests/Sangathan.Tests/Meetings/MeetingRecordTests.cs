using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Cards;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Meetings;

/// <summary>
/// After the meeting: its minutes and photos (checked as members' photos are: a real image, its metadata stripped), and
/// the reports: per meeting, per person, per unit (the units that held no meeting this month), as pages, JSON and .xlsx.
/// </summary>
public sealed class MeetingRecordTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    [Fact]
    public async Task MinutesAndPhotosAreKeptAndAFileThatIsNoPhotoIsRefused()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "Jalore", "जालोर");
        // At the mandal: the district's secretary reads it but holds no post there, so keeps no record of it.
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.Mandal, TimeSpan.FromMinutes(-90), sms: false));

        var saved = await world.President.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new { notes = "सदस्यता अभियान पर चर्चा", decisions = "हर बूथ पर 50 सदस्य" });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var photo = await Upload(world.President, id, TestPhotos.Jpeg(1600, 1200));
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var photoId = (await photo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var bytes = await world.Secretary.GetByteArrayAsync($"/api/v1/meetings/{id}/photos/{photoId}");
        Assert.DoesNotContain(TestPhotos.ExifMarker, System.Text.Encoding.ASCII.GetString(bytes));
        using (var decoded = SkiaSharp.SKBitmap.Decode(bytes)) Assert.InRange(Math.Max(decoded.Width, decoded.Height), 481, 1280);

        var refused = await Upload(world.President, id, "not a photo at all, just words"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(world.Secretary, id, TestPhotos.Jpeg())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.GetAsync($"/api/v1/meetings/{id}/photos/{photoId}")).StatusCode);

        var meeting = await MeetingCalls.GetAsync(world.Secretary, id);
        Assert.Equal("हर बूथ पर 50 सदस्य", meeting.GetProperty("decisions").GetString());
        Assert.Single(meeting.GetProperty("photoIds").EnumerateArray());
    }

    [Fact]
    public async Task ReportsCountWhoCameAndWhichUnitsHeldNoMeetingThisMonth()
    {
        var admin = app.CreateAdminClient();
        var world = await CardWorld.MakeAsync(app, admin, "Banswara", "बांसवाड़ा");
        var tree = new Tree(admin);
        var quiet = await tree.UnitAsync(world.Branch.Block, Tree.NewCode("M"), "Quiet Mandal", "शांत मंडल");
        var a = await world.MemberAsync();
        var b = await world.MemberAsync();
        var first = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.Mandal, TimeSpan.FromMinutes(-30), bearers: false, sms: false));
        var second = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.Mandal, TimeSpan.FromMinutes(-10), bearers: false, sms: false));
        await MeetingCalls.ScanAsync(world.President, first, await CardWorld.CodeAsync(world.President, a.Id));
        await MeetingCalls.ScanAsync(world.President, second, await CardWorld.CodeAsync(world.President, a.Id));
        await MeetingCalls.ScanAsync(world.President, second, await CardWorld.CodeAsync(world.President, b.Id));

        var history = await world.President.GetFromJsonAsync<JsonElement>($"/api/v1/members/{b.Id}/meetings");
        Assert.Equal(2, history.GetProperty("invited").GetInt32());
        Assert.Equal(1, history.GetProperty("came").GetInt32());
        Assert.Equal(50, history.GetProperty("rate").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await world.President.GetAsync($"/people/{world.OutsiderId}/meetings")).StatusCode);

        var report = await world.Secretary.GetFromJsonAsync<JsonElement>($"/api/v1/units/{world.Branch.District}/meetings/report");
        var units = report.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetInt32());
        var mandal = units[world.Branch.Mandal];
        Assert.Equal(2, mandal.GetProperty("thisMonth").GetInt32());
        Assert.Equal(4, mandal.GetProperty("invited").GetInt32());
        Assert.Equal(3, mandal.GetProperty("came").GetInt32());
        Assert.Equal(1.5, mandal.GetProperty("average").GetDouble());
        Assert.Equal(0, units[quiet].GetProperty("thisMonth").GetInt32());
        var month = report.GetProperty("months").EnumerateArray().First();
        Assert.Equal(2, month.GetProperty("meetings").GetInt32());

        var without = await world.Secretary.GetFromJsonAsync<JsonElement>($"/api/v1/units/{world.Branch.District}/meetings/report?level=mandal&without=true");
        var ids = without.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(quiet, ids);
        Assert.DoesNotContain(world.Branch.Mandal, ids);

        // The page shows the same; the .xlsx is for those who export, and is audited.
        var html = await world.Secretary.GetStringAsync($"/units/{world.Branch.District}/meetings/report");
        Assert.Contains("Quiet Mandal", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Secretary.GetAsync($"/api/v1/units/{world.Branch.District}/meetings/report.xlsx")).StatusCode);
        var xlsx = await world.President.GetAsync($"/api/v1/units/{world.Branch.District}/meetings/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("Quiet Mandal", sheet);
        Assert.DoesNotContain("<f>", sheet);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.EntityId == world.Branch.District.ToString() && e.After!.Contains("meetings"))));
        var attendance = await world.President.GetAsync($"/api/v1/meetings/{second}/attendance.xlsx");
        Assert.Equal(HttpStatusCode.OK, attendance.StatusCode);
    }

    [Fact]
    public async Task ANameThatLooksLikeAFormulaStaysTextInTheExport()
    {
        var world = await CardWorld.MakeAsync(app, app.CreateAdminClient(), "=HYPERLINK(\"x\")", "डूंगरपुर");
        var id = await MeetingCalls.CreateAsync(world.President, MeetingCalls.Body(world.Branch.District, TimeSpan.FromMinutes(-30), sms: false));
        var member = await world.MemberAsync(nameEn: "=cmd|' /C calc'!A0");
        await MeetingCalls.ScanAsync(world.President, id, await CardWorld.CodeAsync(world.President, member.Id));
        var xlsx = await world.President.GetByteArrayAsync($"/api/v1/meetings/{id}/attendance.xlsx");
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("t=\"inlineStr\"", sheet);
        Assert.Contains("=cmd|", System.Net.WebUtility.HtmlDecode(sheet));
        Assert.DoesNotContain("<f>", sheet);
    }

    [Fact]
    public async Task EveryMeetingsEndpointOfTheApiIsInTheOpenApiDocument()
    {
        var doc = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        string[] paths = ["/api/v1/meetings", "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/cancel", "/api/v1/meetings/{id}/attendees",
            "/api/v1/meetings/{id}/scans", "/api/v1/meetings/{id}/attendance", "/api/v1/meetings/{id}/minutes", "/api/v1/meetings/{id}/photos",
            "/api/v1/meetings/{id}/photos/{photoId}", "/api/v1/meetings/{id}/check-in", "/api/v1/meetings/{id}/answer",
            "/api/v1/meetings/{id}/attendance.xlsx", "/api/v1/meetings/answers/{token}", "/api/v1/meetings/check-in/{token}/code",
            "/api/v1/meetings/check-in/{token}", "/api/v1/units/{id}/meetings", "/api/v1/units/{id}/meetings/report",
            "/api/v1/units/{id}/meetings/report.xlsx", "/api/v1/people/{id}/meetings", "/api/v1/members/{id}/meetings"];
        foreach (var path in paths) Assert.True(doc.Contains($"\"{path}\"") || doc.Contains($"\"{path}/\""), path);
        Assert.DoesNotContain("\"/k/{token}\"", doc);
    }

    static Task<HttpResponseMessage> Upload(HttpClient client, int meeting, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", "meeting.jpg");
        return client.PostAsync($"/api/v1/meetings/{meeting}/photos", form);
    }
}
