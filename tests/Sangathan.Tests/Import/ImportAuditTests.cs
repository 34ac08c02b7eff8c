using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>
/// A commit writes its new rows past EF (a statement a table), and their audit entries itself: each must be the
/// entry EF's save would have written, as the one who started the import.
/// </summary>
public sealed class ImportAuditTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task EveryUnitPersonAndAppointmentACommitCreatesHasTheCreateEntryEfWouldHaveWritten()
    {
        var tree = new Tree(admin);
        var district = "Aud" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "ऑडिट" + district[3..]);
        var mobile = Tree.RandomMobile();
        var file = ImportClient.Csv($"""
            जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर,लिंग
            {district},Amer,Mandal Do,7,अध्यक्ष,गीता शर्मा,{mobile},महिला
            """);
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("booths.csv", file);
        Assert.Equal("Committed", (await imports.CommitAsync(id)).GetProperty("state").GetString());

        var (booth, person, appointment) = await app.WithDb(async db =>
        {
            var p = await db.People.AsNoTracking().SingleAsync(x => x.Mobile == mobile);
            var a = await db.Appointments.AsNoTracking().SingleAsync(x => x.PersonId == p.Id);
            return (await db.Units.AsNoTracking().SingleAsync(u => u.Id == a.UnitId), p, a);
        });
        var importedBy = await app.WithDb(db => db.AuditEntries.Where(e => e.Action == "import" && e.EntityId == id.ToString()).Select(e => e.Actor).SingleAsync());
        var boothEntry = await CreatedAsync(nameof(Unit), booth.Id, importedBy);
        var personEntry = await CreatedAsync(nameof(Person), person.Id, importedBy);
        var appointmentEntry = await CreatedAsync(nameof(Appointment), appointment.Id, importedBy);
        Assert.Equal("बूथ 7", boothEntry.GetProperty(nameof(Unit.NameHi)).GetString());
        Assert.Equal(booth.ParentId, boothEntry.GetProperty(nameof(Unit.ParentId)).GetInt32());
        Assert.Equal("गीता शर्मा", personEntry.GetProperty(nameof(Person.NameHi)).GetString());
        Assert.Equal((int)Gender.Female, personEntry.GetProperty(nameof(Person.Gender)).GetInt32());
        Assert.Equal("hi", personEntry.GetProperty(nameof(Person.Language)).GetString());
        Assert.Equal(booth.Id, appointmentEntry.GetProperty(nameof(Appointment.UnitId)).GetInt32());
        // The mandal and the block above the booth have theirs too.
        var chain = UnitRules.IdsOn(booth.Path).Skip(2).Select(i => i.ToString()).ToList();
        Assert.Equal(3, await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Entity == nameof(Unit) && e.Action == "create" && chain.Contains(e.EntityId!)
            && e.Actor == importedBy)));

        // The same kinds of rows saved through EF, whose interceptor writes the entries: the same fields, in the same order.
        var (unitRef, personRef, appointmentRef) = await app.WithDb(async db =>
        {
            var u = new Unit { Code = Tree.NewCode("B"), NameEn = "Ref", NameHi = "रेफ", LevelId = booth.LevelId, ParentId = booth.ParentId, Depth = booth.Depth };
            var p = new Person { NameEn = "Ref Person", NameHi = "रेफ", Mobile = Tree.RandomMobile(), Gender = Gender.Female };
            db.AddRange(u, p);
            await db.SaveChangesAsync();
            // As the API places a unit (a derived field: no entry of its own).
            u.Path = UnitRules.PathOf(booth.Path[..(booth.Path.TrimEnd('/').LastIndexOf('/') + 1)], u.Id);
            u.RegionId = booth.RegionId;
            var a = new Appointment { UnitId = u.Id, PostId = appointment.PostId, PersonId = p.Id, From = appointment.From };
            db.Add(a);
            await db.SaveChangesAsync();
            return (u.Id, p.Id, a.Id);
        });
        Assert.Equal(Fields(await CreatedAsync(nameof(Unit), unitRef, null)), Fields(boothEntry));
        Assert.Equal(Fields(await CreatedAsync(nameof(Person), personRef, null)), Fields(personEntry));
        Assert.Equal(Fields(await CreatedAsync(nameof(Appointment), appointmentRef, null)), Fields(appointmentEntry));
    }

    [Fact]
    public async Task EachDownloadOfAnImportsReportIsAuditedWithItsJob()
    {
        var tree = new Tree(admin);
        var district = "Rep" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "रिपोर्ट" + district[3..]);
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("report.csv", ImportClient.Csv($"""
            जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर
            {district},Amer,Mandal Do,7,अध्यक्ष,रिपोर्ट वाला,{Tree.RandomMobile()}
            """));
        await imports.SettledAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/imports/{id}/report.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/imports/{id}/report.xlsx")).StatusCode);
        // Refused: nothing was read, nothing is written.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateStaffClient("auditor").GetAsync($"/api/v1/imports/{id}/report.xlsx")).StatusCode);

        var entries = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == "ImportJob" && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("export", e.Action);
            Assert.Equal("import-report.xlsx", JsonDocument.Parse(e.After!).RootElement.GetProperty("file").GetString());
        });
        Assert.Single(entries.Select(e => e.Actor).Distinct());
        Assert.StartsWith("staff:", entries[0].Actor);
    }

    async Task<JsonElement> CreatedAsync(string entity, int id, string? actor)
    {
        var entries = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == entity && e.EntityId == id.ToString()).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("create", entry.Action);
        Assert.Null(entry.Before);
        if (actor is not null) Assert.Equal(actor, entry.Actor);
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal(id, after.GetProperty("Id").GetInt32());
        return after;
    }

    static List<string> Fields(JsonElement after) => after.EnumerateObject().Select(p => p.Name).ToList();
}
