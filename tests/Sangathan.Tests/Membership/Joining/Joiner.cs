using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Joining;

/// <summary>
/// A person joining online through the app's JSON API, as the mobile app does, and through the stand-in gateway as a
/// payer would; what the app then holds about them is read straight from the database.
/// </summary>
public sealed partial class Joiner(JoiningFactory app)
{
    public HttpClient Client { get; } = app.CreateClient();

    public static string NewVoterId() => "RJN" + Random.Shared.Next(1_000_000, 9_999_999);

    public static object Details(int boothId, string voterId, string mobile) => new
    {
        voterId, nameEn = "Sunita Meena", nameHi = "सुनीता मीणा", mobile, category = "st", gender = "Female", age = 29,
        village = "Todabhim", address = "Ward 2", boothId, consent = true, requestKey = Guid.NewGuid().ToString("N"),
        photoBase64 = Convert.ToBase64String(TestPhotos.Jpeg(seed: Random.Shared.Next())),
    };

    /// <summary>A fresh booth under the state (the war room builds it).</summary>
    public async Task<int> BoothAsync() => (await new Tree(app.CreateAdminClient()).BranchAsync("Karauli", "करौली")).Booth;

    /// <summary>Registers and types the code the SMS brought: the member now owes the fee. Their token.</summary>
    public async Task<(string Token, int MemberId, string Mobile)> ConfirmedAsync(int? booth = null, string? voterId = null)
    {
        var mobile = Tree.RandomMobile();
        var response = await Client.PostAsJsonAsync("/api/v1/join", Details(booth ?? await BoothAsync(), voterId ?? NewVoterId(), mobile));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = ticket.GetProperty("token").GetString()!;
        var confirmed = await Client.PostAsJsonAsync($"/api/v1/join/{token}/confirm", new { code = CodeSentTo(mobile) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("AwaitingPayment", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return (token, ticket.GetProperty("member").GetProperty("id").GetInt32(), mobile);
    }

    public string CodeSentTo(string mobile) => Code().Match(app.Sms.To(mobile).Last()).Value;

    /// <summary>A new order for the fee (the gateway's id).</summary>
    public async Task<string> OrderAsync(string token)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/join/{token}/orders", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
    }

    /// <summary>The held webhooks of this order, in the order the gateway made them.</summary>
    public List<StandInWebhook> Webhooks(string orderId) => app.Gateway.Held.Where(h => h.OrderId == orderId).ToList();

    public async Task DeliverAsync(StandInWebhook hook, HttpStatusCode expected = HttpStatusCode.OK) =>
        Assert.Equal(expected, await app.Gateway.DeliverAsync(hook));

    public Task<Member> MemberAsync(int id) => app.WithDb(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));

    public Task<List<PaymentOrder>> OrdersAsync(int memberId) =>
        app.WithDb(db => db.PaymentOrders.AsNoTracking().Where(o => o.MemberId == memberId).OrderBy(o => o.Id).ToListAsync());

    /// <summary>
    /// The booth's members by status, folded or not yet (the tally worker moves changes into tallies as it goes; one
    /// statement reads both, so nothing is seen twice or missed): a member counted twice anywhere shows here.
    /// </summary>
    public Task<Dictionary<MemberStatus, long>> CountsAsync(int boothId) => app.WithDb(async db =>
        (await db.MemberTallies.Where(t => t.UnitId == boothId).Select(t => new { t.Status, N = t.Count })
            .Concat(db.MemberCountChanges.Where(c => c.BoothId == boothId).Select(c => new { c.Status, N = (long)c.Delta })).ToListAsync())
            .GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.N)));

    public async Task<int> ReconcileAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReconcilePayments>().RunAsync(default);
    }

    /// <summary>A fresh district whose president holds the war room's grant over it: an enroller in the field. Their person id.</summary>
    public static async Task<((int District, int Block, int Mandal, int Booth) Branch, int PersonId)> EnrollerAsync(SangathanFactory app, string nameEn, string nameHi)
    {
        var tree = new Tree(app.CreateAdminClient());
        var branch = await tree.BranchAsync(nameEn, nameHi);
        var appointment = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), $"Mohan {nameEn}", $"मोहन {nameHi}", Tree.RandomMobile());
        var person = await app.WithDb(async db =>
        {
            var id = await db.Appointments.Where(a => a.Id == appointment).Select(a => a.PersonId).SingleAsync();
            db.Grants.Add(new Grant { PersonId = id, UnitId = branch.District, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return id;
        });
        return (branch, person);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
