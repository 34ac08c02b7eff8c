using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Geography;
using Sangathan.Membership;
using Sangathan.Messaging;
using Sangathan.Tests.Import;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Organization;

/// <summary>The default five levels and a sixth below the booth (page committees), as Organization:Levels may say.</summary>
public sealed class PageCommitteeFactory : SangathanFactory
{
    public RecordingSms Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Organization:Levels:5:Key", "page");
        builder.UseSetting("Organization:Levels:5:NameEn", "Page committee");
        builder.UseSetting("Organization:Levels:5:NameHi", "पन्ना समिति");
        builder.UseSetting("Organization:Levels:5:Posts:0:Key", "page-pramukh");
        builder.UseSetting("Organization:Levels:5:Posts:0:NameEn", "Page in-charge");
        builder.UseSetting("Organization:Levels:5:Posts:0:NameHi", "पन्ना प्रमुख");
        builder.ConfigureServices(services => services.AddSingleton<ISmsSender>(Sms));
    }
}

/// <summary>
/// Which level is the polling booth is named in configuration (Organization:BoothLevel), not taken to be the deepest:
/// with page committees below the booth, members are still enrolled, join and are counted at the booth, and an import
/// still gives the booth its part number and constituency.
/// </summary>
public sealed class BoothLevelTests(PageCommitteeFactory app) : IClassFixture<PageCommitteeFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();
    Tree Tree => new(admin);

    [Fact]
    public async Task WithPageCommitteesBelowTheBoothMembersEnrollJoinAndAreCountedAtTheBooth()
    {
        var levels = await admin.GetFromJsonAsync<JsonElement>("/api/v1/levels");
        Assert.Equal(["state", "district", "block", "mandal", "booth", "page"], levels.EnumerateArray().Select(l => l.GetProperty("key").GetString()));
        var branch = await Tree.BranchAsync("Pannapur", "पन्नापुर");
        var page = await Tree.UnitAsync(branch.Booth, Tree.NewCode("PG"), "Page 1", "पन्ना 1");
        await Tree.AppointAsync(page, await Tree.PostIdAsync("page", "page-pramukh"), "Pannalal", "पन्नालाल", Tree.RandomMobile());

        // Enrollment: a district president with the war room's grant over his district.
        var president = await Tree.AppointAsync(branch.District, await Tree.PostIdAsync("district", "president"), "Raghu Ram", "रघु राम", Tree.RandomMobile());
        var personId = await app.WithDb(db => db.Appointments.Where(a => a.Id == president).Select(a => a.PersonId).SingleAsync());
        await app.WithDb(async db =>
        {
            db.Grants.Add(new Grant { PersonId = personId, UnitId = branch.District, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var enroller = app.CreatePersonClient(personId);
        var atBooth = await enroller.PostAsJsonAsync("/api/v1/members", Member(branch.Booth));
        var atPage = await enroller.PostAsJsonAsync("/api/v1/members", Member(page));
        Assert.Equal(HttpStatusCode.Created, atBooth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, atPage.StatusCode);

        // The enroller's picker calls the booth a booth and offers nothing below it.
        var underMandal = await enroller.GetFromJsonAsync<JsonElement>($"/api/v1/members/units?parentId={branch.Mandal}");
        Assert.True(Assert.Single(underMandal.EnumerateArray()).GetProperty("isBooth").GetBoolean());
        Assert.Empty((await enroller.GetFromJsonAsync<JsonElement>($"/api/v1/members/units?parentId={branch.Booth}")).EnumerateArray());

        // Joining online: the booth takes a registration, the page committee does not, and is not offered.
        using var anyone = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await anyone.PostAsJsonAsync("/api/v1/join", Joining(branch.Booth))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.PostAsJsonAsync("/api/v1/join", Joining(page))).StatusCode);
        var joinUnits = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/join/units?parentId={branch.Mandal}");
        Assert.True(Assert.Single(joinUnits.EnumerateArray()).GetProperty("isBooth").GetBoolean());
        Assert.Empty((await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/join/units?parentId={branch.Booth}")).EnumerateArray());

        // Counts: both members at the booth and everything above it; the page committee's seat in the seat counts.
        await app.WithDb(async db => { while (await TallyFolder.FoldAsync(db, default) > 0) { } });
        foreach (var unit in new[] { branch.Booth, branch.Mandal, branch.District })
        {
            var counts = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/members/counts");
            Assert.Equal(2, counts.GetProperty("awaitingMember").GetInt64());
        }
        var pageCounts = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{page}/members/counts");
        Assert.Equal(0, pageCounts.GetProperty("awaitingMember").GetInt64());
        var boothPage = await Tree.UnitJsonAsync(branch.Booth);
        Assert.Equal(boothPage.GetProperty("seatsFilled").GetInt32() + 1, boothPage.GetProperty("subtreeFilled").GetInt32());
        Assert.Equal("page", boothPage.GetProperty("childLevel").GetProperty("key").GetString());
    }

    [Fact]
    public async Task AnImportGivesTheBoothItsPartNumberAndConstituencyNotThePageCommitteeBelowIt()
    {
        var ac = await app.WithDb(async db =>
        {
            var c = new Constituency { Kind = ConstituencyKind.Assembly, Number = 57, NameEn = "Bagru", NameHi = "बगरू" };
            db.Constituencies.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var branch = await Tree.BranchAsync("Importpur", "इम्पोर्टपुर");
        var import = new ImportClient(admin);
        var job = await import.UploadOkAsync("pages.csv", ImportClient.Csv(
            "District,Block,Mandal,Booth,Page committee,AC No,Post,Name,Mobile\n" +
            $"Importpur,Importpur Block,Importpur Mandal,12,3,57,Page in-charge,Kesar Bai,{Tree.RandomMobile()}\n"));
        var done = await import.CommitAsync(job);
        Assert.Equal(0, done.GetProperty("rejected").GetInt32());

        var (booth, page) = await app.WithDb(async db =>
        {
            var booth = await db.Units.AsNoTracking().SingleAsync(u => u.ParentId == branch.Mandal && u.PartNumber == 12);
            var page = await db.Units.AsNoTracking().SingleAsync(u => u.ParentId == booth.Id);
            return (booth, page);
        });
        Assert.Equal(ac, booth.AssemblyConstituencyId);
        Assert.Equal("booth", await app.WithDb(db => db.Levels.Where(l => l.Id == booth.LevelId).Select(l => l.Key).SingleAsync()));
        Assert.Null(page.PartNumber);
        Assert.Null(page.AssemblyConstituencyId);
        Assert.Equal("Page committee 3", page.NameEn);
    }

    static Dictionary<string, object?> Member(int boothId) => new()
    {
        ["voterId"] = "RJP" + Random.Shared.Next(1_000_000, 9_999_999), ["nameEn"] = "Kamla Devi", ["nameHi"] = "कमला देवी",
        ["mobile"] = Tree.RandomMobile(), ["category"] = "obc", ["gender"] = "Female", ["age"] = 42, ["village"] = "Pisangan",
        ["address"] = "Ward 4", ["boothId"] = boothId, ["consent"] = true, ["requestKey"] = Guid.NewGuid().ToString("N"),
        ["cashPaid"] = true, ["photoBase64"] = Convert.ToBase64String(TestPhotos.Jpeg(seed: Random.Shared.Next())),
    };

    static object Joining(int boothId) => new
    {
        voterId = "RJQ" + Random.Shared.Next(1_000_000, 9_999_999), nameEn = "Sunita Meena", nameHi = "सुनीता मीणा",
        mobile = Tree.RandomMobile(), category = "st", gender = "Female", age = 29, village = "Todabhim", address = "Ward 2", boothId,
        consent = true, requestKey = Guid.NewGuid().ToString("N"), photoBase64 = Convert.ToBase64String(TestPhotos.Jpeg(seed: Random.Shared.Next())),
    };
}
