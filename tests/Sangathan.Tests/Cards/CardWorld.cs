using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Cards;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;

namespace Sangathan.Tests.Cards;

/// <summary>A branch of the tree with its office bearers and verified members, made for one test.</summary>
public sealed class CardWorld(MembershipFactory app)
{
    public (int District, int Block, int Mandal, int Booth) Branch { get; private set; }
    public HttpClient President { get; private set; } = null!;
    public HttpClient Secretary { get; private set; } = null!;
    public int SecretaryId { get; private set; }
    public HttpClient BoothPresident { get; private set; } = null!;
    public HttpClient Outsider { get; private set; } = null!;
    public int OutsiderId { get; private set; }

    public static async Task<CardWorld> MakeAsync(MembershipFactory app, HttpClient admin, string district, string districtHi)
    {
        var world = new CardWorld(app);
        var tree = new Tree(admin);
        world.Branch = await tree.BranchAsync(district, districtHi);
        var elsewhere = await tree.BranchAsync(district + " Other", districtHi + " अन्य");
        // The appointments API answers the appointment's id; the session is the person's.
        async Task<int> HolderAsync(int unit, string level, string post, string en, string hi)
        {
            var appointment = await tree.AppointAsync(unit, await tree.PostIdAsync(level, post), en, hi, Tree.RandomMobile());
            return await app.WithDb(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.PersonId).SingleAsync());
        }
        world.President = app.CreatePersonClient(await HolderAsync(world.Branch.District, "district", "president", "Kalu Ram", "कालू राम"));
        world.SecretaryId = await HolderAsync(world.Branch.District, "district", "secretary", "Sita Devi", "सीता देवी");
        world.Secretary = app.CreatePersonClient(world.SecretaryId);
        world.BoothPresident = app.CreatePersonClient(await HolderAsync(world.Branch.Booth, "booth", "president", "Nanu Ram", "नानू राम"));
        world.OutsiderId = await HolderAsync(elsewhere.District, "district", "president", "Gopi Lal", "गोपी लाल");
        world.Outsider = app.CreatePersonClient(world.OutsiderId);
        return world;
    }

    /// <summary>A grant in force for <paramref name="personId"/> over <paramref name="unitId"/>, written as the war room's.</summary>
    public Task<int> GrantAsync(int personId, int unitId) => app.WithDb(async db =>
    {
        var grant = new Grant { PersonId = personId, UnitId = unitId, CreatedAt = DateTime.UtcNow };
        db.Grants.Add(grant);
        await db.SaveChangesAsync();
        return grant.Id;
    });

    /// <summary>A verified member at the branch's booth (or another), with a portrait photo, enrolled by <paramref name="enrolledBy"/>.</summary>
    public Task<Member> MemberAsync(int? booth = null, int? enrolledBy = null, MemberStatus status = MemberStatus.Verified, string? nameHi = null,
        string? nameEn = null, string? mobile = null) => app.WithDb(async db =>
    {
        var notice = new ConsentNotice { Language = "en", Text = "cards", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
        var photo = new Sangathan.People.Photo { Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/jpeg", Content = CardSamples.Portrait(Random.Shared.Next()) };
        db.AddRange(notice, photo);
        await db.SaveChangesAsync();
        var member = new Member
        {
            VoterId = "CRD" + Random.Shared.Next(1_000_000, 9_999_999), NameEn = nameEn ?? "Radha Kumari", NameHi = nameHi ?? "राधा कुमारी",
            Mobile = mobile ?? Tree.RandomMobile(), Category = "general", Age = 30, BoothId = booth ?? Branch.Booth, Source = MemberSource.Field,
            Status = status, Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"), ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow, PhotoId = photo.Id, EnrolledById = enrolledBy,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member;
    });

    /// <summary>The QR of the member's card as drawn now, read from its phone image with zbarimg.</summary>
    public static async Task<string> CodeAsync(HttpClient client, int memberId)
    {
        var response = await client.GetAsync($"/api/v1/members/{memberId}/card.png");
        response.EnsureSuccessStatusCode();
        return Assert.Single(CardReaders.Qr(await response.Content.ReadAsByteArrayAsync()));
    }

    public static async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> VerifyAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cards/verify", new { code });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public Task<CardStatement> StatementAsync(string code) =>
        Task.FromResult(CardStatement.Read(Base45.Decode(code.AsSpan(CardCode.Prefix.Length))!)!.Value.Statement);
}
