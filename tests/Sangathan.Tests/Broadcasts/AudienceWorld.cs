using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>One recipient of the world: who they are and how they are reached.</summary>
public sealed record Someone(int Id, string NameEn, string NameHi, string? Mobile, string? Email);

/// <summary>
/// A fresh branch of the tree with one of each kind of recipient: office bearers reached by SMS, by e-mail (preferred),
/// by WhatsApp (preferred), one with no contact at all and one who opted out; an enroller; verified members (one in
/// English, one of category SC, one opted out) and a member still waiting for scrutiny, who is nobody's audience yet.
/// </summary>
public sealed class AudienceWorld
{
    public required (int District, int Block, int Mandal, int Booth) Branch { get; init; }
    public required Someone DistrictPresident { get; init; }
    public required Someone DistrictSecretary { get; init; }
    public required Someone BoothPresident { get; init; }
    public required Someone BoothSecretary { get; init; }
    public required Someone MandalPresident { get; init; }
    public required Someone Enroller { get; init; }
    public required Someone Member { get; init; }
    public required Someone EnglishMember { get; init; }
    public required Someone ScMember { get; init; }
    public required Someone OptedOutMember { get; init; }
    public required Someone PendingMember { get; init; }

    public static async Task<AudienceWorld> BuildAsync(SangathanFactory app, HttpClient admin, string name = "Churu", string nameHi = "चूरू")
    {
        var tree = new Tree(admin);
        var branch = await tree.BranchAsync(name, nameHi);
        async Task<Someone> Bearer(int unit, string level, string post, string en, string hi, string? mobile, string? email)
        {
            var response = await admin.PostAsJsonAsync($"/api/v1/units/{unit}/appointments",
                new { postId = await tree.PostIdAsync(level, post), newPerson = new { nameEn = en, nameHi = hi, mobile, email } });
            response.EnsureSuccessStatusCode();
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}");
            var id = page.GetProperty("officeBearers").EnumerateArray().First(o => o.GetProperty("nameEn").GetString() == en).GetProperty("personId").GetInt32();
            return new Someone(id, en, hi, mobile, email);
        }
        var unique = Guid.NewGuid().ToString("N")[..8];
        var world = new AudienceWorld
        {
            Branch = branch,
            DistrictPresident = await Bearer(branch.District, "district", "president", "Dhanna Ram", "धन्ना राम", Tree.RandomMobile(), null),
            DistrictSecretary = await Bearer(branch.District, "district", "secretary", "Sushila Devi", "सुशीला देवी", null, $"sushila.{unique}@example.org"),
            BoothPresident = await Bearer(branch.Booth, "booth", "president", "Bhanwar Lal", "भंवर लाल", Tree.RandomMobile(), null),
            BoothSecretary = await Bearer(branch.Booth, "booth", "secretary", "Gopal Nath", "गोपाल नाथ", null, null),
            MandalPresident = await Bearer(branch.Mandal, "mandal", "president", "Mohan Singh", "मोहन सिंह", Tree.RandomMobile(), null),
            Enroller = await Bearer(branch.Block, "block", "treasurer", "Eshwar Prasad", "ईश्वर प्रसाद", Tree.RandomMobile(), null),
            Member = await MemberAsync(app, branch.Booth, "Kamla Devi", "कमला देवी", "general", MemberStatus.Verified),
            EnglishMember = await MemberAsync(app, branch.Booth, "Rohit Sharma", "रोहित शर्मा", "general", MemberStatus.Verified, "en"),
            ScMember = await MemberAsync(app, branch.Booth, "Sita Meghwal", "सीता मेघवाल", "sc", MemberStatus.Verified),
            OptedOutMember = await MemberAsync(app, branch.Booth, "Nathu Ram", "नाथू राम", "general", MemberStatus.Verified, optedOut: true),
            PendingMember = await MemberAsync(app, branch.Booth, "Pending Person", "लंबित व्यक्ति", "general", MemberStatus.Pending),
        };
        // The enroller holds a grant over the block as well as his post there: he is counted once.
        await app.WithDb(async db =>
        {
            db.Grants.Add(new Grant { PersonId = world.Enroller.Id, UnitId = branch.Block, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await Prefer(admin, world.DistrictSecretary.Id, Channel.Email);
        await Prefer(admin, world.BoothPresident.Id, Channel.WhatsApp);
        (await admin.PutAsJsonAsync($"/api/v1/people/{world.MandalPresident.Id}/preferences", new { language = "hi", optedOut = true })).EnsureSuccessStatusCode();
        return world;
    }

    static async Task Prefer(HttpClient admin, int person, Channel channel) =>
        (await admin.PutAsJsonAsync($"/api/v1/people/{person}/preferences", new { preferredChannel = channel.ToString(), language = "hi", optedOut = false }))
            .EnsureSuccessStatusCode();

    public static async Task<Someone> MemberAsync(SangathanFactory app, int booth, string en, string hi, string category, MemberStatus status,
        string language = "hi", bool optedOut = false, Channel? preferred = null) => await app.WithDb(async db =>
    {
        var notice = await db.ConsentNotices.FirstOrDefaultAsync() ?? db.ConsentNotices.Add(new ConsentNotice
            { Language = "hi", Text = "broadcast tests", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow }).Entity;
        var member = new Member
        {
            VoterId = "BRD" + Random.Shared.Next(1_000_000, 9_999_999), NameEn = en, NameHi = hi, Mobile = Tree.RandomMobile(), Category = category, Age = 40,
            BoothId = booth, Source = MemberSource.Field, Status = status, Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"),
            ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, Language = language,
            OptedOutAt = optedOut ? DateTime.UtcNow : null, PreferredChannel = preferred,
        };
        if (notice.Id == 0) await db.SaveChangesAsync();
        member.ConsentNoticeId = notice.Id;
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return new Someone(member.Id, en, hi, member.Mobile, null);
    });

    public static object Choice(int unit, bool bearers = true, bool enrollers = true, bool members = true, string[]? levels = null, string[]? posts = null,
        string? category = null, string? language = null, bool sms = true, bool email = true, bool whatsApp = true) => new
    {
        unitId = unit, officeBearers = bearers, levels, posts, enrollers, members, category, language, sms, email, whatsApp,
    };
}
