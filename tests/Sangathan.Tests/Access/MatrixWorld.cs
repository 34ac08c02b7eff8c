using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Geography;
using Sangathan.People;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Access;

/// <summary>Who calls. A worker holds no post: the district president authorized them over the inside mandal (issue 20).</summary>
public enum Caller { Anonymous, DistrictPresident, DistrictSecretary, BoothPresident, Admin, DataEntry, Auditor, Worker }

public enum Side { Inside, Outside }

/// <summary>What one side of the tree holds: a branch down to a booth, and a person with a post at the booth.</summary>
public sealed record Branch(int District, int Mandal, string MandalCode, int Booth, string BoothCode, string BoothEn, string BoothHi,
    int PersonId, int PhotoId, PersonDetails Person)
{
    /// <summary>What must not appear in any answer to a caller who may not see this side.</summary>
    /// <summary>The photo the person's was made from: sent again, it is stored as the same picture and their photo's id stays.</summary>
    public byte[] PhotoUpload => PhotoOf(Person.Village);

    public static byte[] PhotoOf(string village) => Membership.TestPhotos.Jpeg(64, 48, seed: village[0] << 16 | village[1] << 8 | village[2]);

    public string[] Markers => [Person.NameEn, Person.NameHi, Person.Mobile, Person.Mobile[3..], Person.Email, Person.Village,
        BoothEn, BoothHi, BoothCode, MandalCode];
}

public sealed record PersonDetails(string NameEn, string NameHi, string Mobile, string Email, string Village)
{
    /// <summary>What a search asks for: not a marker itself, since a search page shows back what was asked.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string FirstName => NameEn.Split(' ')[0];
}

/// <summary>
/// The world the access matrix runs in: two districts, "inside" (where the office-bearer callers hold their
/// posts) and "outside", each with a booth and a person with a post there whose details are distinctive
/// enough to be spotted in any answer. One caller of each kind.
/// </summary>
public class MatrixWorld : IAsyncLifetime
{
    public SangathanFactory App { get; } = new();
    public Branch Inside { get; private set; } = null!;
    public Branch Outside { get; private set; } = null!;
    public int BoothCommitteePost { get; private set; }
    public int ConstituencyId { get; private set; }
    public int ImportJobId { get; private set; }
    readonly Dictionary<Caller, int> personOf = [];
    readonly Dictionary<Caller, HttpClient> clients = [];
    HttpClient admin = null!;

    public Branch Of(Side side) => side == Side.Inside ? Inside : Outside;

    /// <summary>Served on Kestrel rather than in memory: its checks of what goes on the wire (headers, request lines) apply.</summary>
    protected virtual bool OnKestrel => false;

    public async Task InitializeAsync()
    {
        if (OnKestrel) App.ServeOnKestrel();
        // The first staff account (id 1) is a decoy nobody signs in with: the fuzz test posts "1" as a plausible id, and
        // an administrator may disable or reset another's account; were it this world's set-up account, every later
        // set-up call would answer 401.
        App.CreateStaffClient("auditor").Dispose();
        admin = App.CreateAdminClient();
        var tree = new Tree(admin);
        BoothCommitteePost = await tree.PostIdAsync("booth", "committee-member");
        Inside = await BranchAsync(tree, "Innerdistrict", "भीतरीज़िला", "Inaya Insidewala", "इनाया भीतरवाला", "Bhitargaon");
        Outside = await BranchAsync(tree, "Outerdistrict", "बाहरीज़िला", "Zorawar Outsidesingh", "ज़ोरावर बाहरसिंह", "Baharpur");

        personOf[Caller.DistrictPresident] = await HolderAsync(tree, Inside.District, "district", "president", "Dinesh Pradhan", "दिनेश प्रधान");
        personOf[Caller.DistrictSecretary] = await HolderAsync(tree, Inside.District, "district", "secretary", "Sarita Sachiv", "सरिता सचिव");
        personOf[Caller.BoothPresident] = await HolderAsync(tree, Inside.Booth, "booth", "president", "Bhola Boothwala", "भोला बूथवाला");

        ImportJobId = await new Import.ImportClient(App.CreateAdminClient()).UploadOkAsync("matrix.csv", Import.ImportClient.Csv(
            $"District,Block,Mandal,Booth,Post,Name,Mobile\nInnerdistrict,Matrix Block,Matrix Mandal,77,President,Matrix Import,{Tree.RandomMobile()}\n"));

        // The district president may enroll members in his district: the war room's grant. Under it, a worker with no
        // post enrolls in the inside mandal.
        personOf[Caller.Worker] = await App.WithDb(async db =>
        {
            var top = new Sangathan.Membership.Grant { PersonId = personOf[Caller.DistrictPresident], UnitId = Inside.District, CreatedAt = DateTime.UtcNow };
            db.Grants.Add(top);
            var worker = new Person { NameEn = "Kamal Karyakarta", NameHi = "कमल कार्यकर्ता", Mobile = Tree.RandomMobile() };
            db.People.Add(worker);
            await db.SaveChangesAsync();
            db.Workers.Add(new Sangathan.Membership.Worker { PersonId = worker.Id, UnitId = Inside.Mandal, CreatedAt = DateTime.UtcNow, ByPersonId = top.PersonId });
            db.Grants.Add(new Sangathan.Membership.Grant { PersonId = worker.Id, UnitId = Inside.Mandal, ParentId = top.Id, GrantedByPersonId = top.PersonId, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return worker.Id;
        });

        ConstituencyId = await App.WithDb(async db =>
        {
            var c = new Constituency { Kind = ConstituencyKind.Assembly, Number = 901, NameEn = "Matrixpur", NameHi = "मैट्रिक्सपुर" };
            db.Constituencies.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
    }

    async Task<Branch> BranchAsync(Tree tree, string district, string districtHi, string nameEn, string nameHi, string village)
    {
        var state = await tree.StateAsync();
        var d = await tree.UnitAsync(state, Tree.NewCode("D"), district, districtHi);
        var b = await tree.UnitAsync(d, Tree.NewCode("B"), $"{district} Block", $"{districtHi} ब्लॉक");
        var mandalCode = Tree.NewCode("M");
        var m = await tree.UnitAsync(b, mandalCode, $"{district} Mandal", $"{districtHi} मंडल");
        var boothCode = Tree.NewCode("P");
        var booth = await tree.UnitAsync(m, boothCode, $"{district} Booth", $"{districtHi} बूथ");
        var mobile = Tree.RandomMobile();
        var email = $"{village.ToLowerInvariant()}.{Guid.NewGuid():N}"[..24] + "@example.org";
        var response = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/appointments", new
        {
            postId = BoothCommitteePost,
            newPerson = new { nameEn, nameHi, mobile, email, village },
        });
        response.EnsureSuccessStatusCode();
        var personId = await PersonOnAsync(booth, nameEn);
        var photoId = await App.WithDb(async db =>
        {
            var id = await PhotoStore.SaveAsync(db, PhotoUpload.Check(Branch.PhotoOf(village)).Photo!, default);
            await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhotoId, id));
            return id;
        });
        return new Branch(d, m, mandalCode, booth, boothCode, $"{district} Booth", $"{districtHi} बूथ", personId, photoId,
            new PersonDetails(nameEn, nameHi, mobile, email, village));
    }

    async Task<int> HolderAsync(Tree tree, int unit, string level, string post, string nameEn, string nameHi)
    {
        await tree.AppointAsync(unit, await tree.PostIdAsync(level, post), nameEn, nameHi, Tree.RandomMobile());
        return await PersonOnAsync(unit, nameEn);
    }

    async Task<int> PersonOnAsync(int unit, string nameEn)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}");
        return page.GetProperty("officeBearers").EnumerateArray()
            .First(o => o.GetProperty("nameEn").GetString() == nameEn).GetProperty("personId").GetInt32();
    }

    /// <summary>The caller's client, kept for the whole matrix (sessions and antiforgery cookies last).</summary>
    public HttpClient ClientOf(Caller caller)
    {
        if (!clients.TryGetValue(caller, out var client)) clients[caller] = client = NewClient(caller);
        return client;
    }

    /// <summary>Drops the caller's kept client, whose session a call may have ended.</summary>
    public void Forget(Caller caller)
    {
        if (clients.Remove(caller, out var client)) client.Dispose();
    }

    /// <summary>A client with a session of its own, for calls that end the session they run in.</summary>
    public HttpClient NewClient(Caller caller) => caller switch
    {
        Caller.Anonymous => App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = App.ClientOptions.BaseAddress }),
        Caller.Admin => App.CreateStaffClient("admin"),
        Caller.DataEntry => App.CreateStaffClient("data-entry"),
        Caller.Auditor => App.CreateStaffClient("auditor"),
        _ => App.CreatePersonClient(personOf[caller]),
    };

    /// <summary>A fresh appointment of the side's person, for calls that end one (each call ends its own).</summary>
    public async Task<int> FreshAppointmentAsync(Side side)
    {
        var branch = Of(side);
        var response = await admin.PostAsJsonAsync($"/api/v1/units/{branch.Booth}/appointments",
            new { postId = await new Tree(admin).PostIdAsync("booth", "secretary"), personId = branch.PersonId });
        if (!response.IsSuccessStatusCode)
        {
            // The seat is still held from an earlier call that was refused: end it first.
            await App.WithDb(db => db.Appointments
                .Where(a => a.UnitId == branch.Booth && a.PersonId == branch.PersonId && a.Until == null && a.PostId != BoothCommitteePost)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Until, DateOnly.FromDateTime(DateTime.Today))));
            response = await admin.PostAsJsonAsync($"/api/v1/units/{branch.Booth}/appointments",
                new { postId = await new Tree(admin).PostIdAsync("booth", "secretary"), personId = branch.PersonId });
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
    }

    /// <summary>Ends the committee seats earlier calls filled at the side's booth, so the next appointment has a seat.</summary>
    public Task FreeCommitteeSeatsAsync(Side side)
    {
        var branch = Of(side);
        return App.WithDb(db => db.Appointments
            .Where(a => a.UnitId == branch.Booth && a.PostId == BoothCommitteePost && a.PersonId != branch.PersonId && a.Until == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Until, DateOnly.FromDateTime(DateTime.Today))));
    }

    /// <summary>The caller's access as the app works it out for a request of theirs (their posts now, their roles).</summary>
    public async Task<Sangathan.Access.Access> AccessOfAsync(Caller caller)
    {
        if (caller == Caller.Anonymous) return Sangathan.Access.Access.Anonymous;
        using var scope = App.Services.CreateScope();
        var jurisdiction = scope.ServiceProvider.GetRequiredService<Sangathan.Access.Jurisdiction>();
        var roles = caller switch { Caller.Admin => "admin", Caller.DataEntry => "data-entry", Caller.Auditor => "auditor", _ => "" };
        return await jurisdiction.ForAsync(personOf.TryGetValue(caller, out var p) ? p : null, roles.Length > 0 ? 1 : null,
            roles.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), default);
    }

    /// <summary>The antiforgery token a page rendered for this client, for posting forms as a browser does.</summary>
    public async Task<string> FormTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/sign-in");
        return Forms.Token(html);
    }

    public Task DisposeAsync()
    {
        foreach (var c in clients.Values) c.Dispose();
        admin.Dispose();
        return App.DisposeAsync().AsTask();
    }
}
