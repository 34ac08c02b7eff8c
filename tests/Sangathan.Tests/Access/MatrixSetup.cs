using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Access;

// The data the matrix's calls need beside the world's two sides, made straight in the database, one class a feature.

/// <summary>
/// Membership: grants. The grants the matrix's calls need, made straight in the database: the inside district's
/// president holds one over his district, and the side's booth person one over the booth, under his on the inside.
/// </summary>
static class MatrixGrants
{
    public static Task<int> AtBoothAsync(Call c, bool fresh) => c.World.App.WithDb(async db =>
    {
        if (fresh) await Clear(db, c);
        var held = await db.Grants.Where(g => g.PersonId == c.Target.PersonId && g.UnitId == c.Target.Booth && g.RevokedAt == null)
            .Select(g => (int?)g.Id).FirstOrDefaultAsync();
        if (held is { } id) return id;
        var parent = c.Side == Side.Inside ? await DistrictPresidentsAsync(db, c.World) : (int?)null;
        var grant = new Grant { PersonId = c.Target.PersonId, UnitId = c.Target.Booth, ParentId = parent, CreatedAt = DateTime.UtcNow };
        db.Grants.Add(grant);
        await db.SaveChangesAsync();
        return grant.Id;
    });

    /// <summary>Before a grant at the booth: the last call's must not make this one a duplicate, and the president's must be there.</summary>
    public static Task ClearBoothAsync(Call c) => c.World.App.WithDb(async db =>
    {
        await Clear(db, c);
        await DistrictPresidentsAsync(db, c.World);
    });

    static Task Clear(Sangathan.Data.AppDb db, Call c) =>
        db.Grants.Where(g => g.PersonId == c.Target.PersonId && g.UnitId == c.Target.Booth && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, DateTime.UtcNow));

    static async Task<int> DistrictPresidentsAsync(Sangathan.Data.AppDb db, MatrixWorld world)
    {
        var president = await db.Appointments.Where(a => a.UnitId == world.Inside.District && a.Until == null)
            .Join(db.Posts.Where(p => p.Key == "president"), a => a.PostId, p => p.Id, (a, _) => a.PersonId).SingleAsync();
        var held = await db.Grants.Where(g => g.PersonId == president && g.UnitId == world.Inside.District && g.RevokedAt == null)
            .Select(g => (int?)g.Id).FirstOrDefaultAsync();
        if (held is { } id) return id;
        var grant = new Grant { PersonId = president, UnitId = world.Inside.District, CreatedAt = DateTime.UtcNow };
        db.Grants.Add(grant);
        await db.SaveChangesAsync();
        return grant.Id;
    }
}

/// <summary>Member cards: verified members at a side's booth (with their card issued, when a call ends one), and spare keys.</summary>
static class MatrixCards
{
    public static Task<int> VerifiedAsync(Call c) => c.World.App.WithDb(async db =>
    {
        var id = await MatrixMembers.WaitingAsync(c);
        await db.Members.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Sangathan.Membership.MemberStatus.Verified));
        return id;
    });

    public static async Task<int> WithCardAsync(Call c)
    {
        var id = await VerifiedAsync(c);
        using var scope = c.World.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Sangathan.Cards.IssueCards>().LiveAsync(id, default);
        return id;
    }

    public static Task<int> FreshKeyAsync(Call c) => c.World.App.Services.GetRequiredService<Sangathan.Cards.CardKeyRing>().AddKeyAsync(default);
}

/// <summary>Members waiting for scrutiny at a side's booth, made directly in the database, one per call.</summary>
static class MatrixMembers
{
    public static async Task<int> WaitingAsync(Call c) => await c.World.App.WithDb(async db =>
    {
        var notice = await db.ConsentNotices.Select(n => (int?)n.Id).FirstOrDefaultAsync();
        if (notice is null)
        {
            var n = new Sangathan.Membership.ConsentNotice { Language = "en", Text = "matrix", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
            db.ConsentNotices.Add(n);
            await db.SaveChangesAsync();
            notice = n.Id;
        }
        var photo = new Sangathan.People.Photo { Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/jpeg", Content = [0xFF, 0xD8, 0xFF, 0xD9] };
        db.Photos.Add(photo);
        await db.SaveChangesAsync();
        var member = new Sangathan.Membership.Member
        {
            VoterId = "MXS" + Random.Shared.Next(1_000_000, 9_999_999), NameEn = "Matrix Waiting", NameHi = "मैट्रिक्स प्रतीक्षा", Mobile = Tree.RandomMobile(),
            Category = "general", Age = 30, BoothId = c.Target.Booth, Source = Sangathan.Membership.MemberSource.Field,
            Status = Sangathan.Membership.MemberStatus.Pending, Fee = Sangathan.Membership.FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"),
            ConsentNoticeId = notice.Value, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, PhotoId = photo.Id,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });
}

/// <summary>Broadcasts at a side's booth, made straight in the database by "matrix" (so any caller may approve them).</summary>
static class MatrixBroadcasts
{
    public static object Body(int booth) => new
    {
        title = "Matrix broadcast", unitId = booth, officeBearers = true, sms = true, textHi = "नमस्ते {name}", textEn = "Hello {name}",
        dltTemplateId = "1707000000000000001", sendAt = DateTime.UtcNow.AddDays(1),
    };

    public static Dictionary<string, string> Fields(int booth) => new()
    {
        ["Input.UnitId"] = booth.ToString(), ["Input.Title"] = "Matrix broadcast", ["Input.OfficeBearers"] = "true", ["Input.Sms"] = "true",
        ["Input.TextHi"] = "नमस्ते {name}", ["Input.TextEn"] = "Hello {name}", ["Input.DltTemplateId"] = "1707000000000000001",
        ["Input.SendAt"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm"),
    };

    /// <summary>A template saved at the side's booth: a fresh one (under a new name) for a call that deletes it.</summary>
    public static Task<int> TemplateAtBoothAsync(Call c, bool fresh = false) => c.World.App.WithDb(async db =>
    {
        var name = fresh ? "Matrix " + Guid.NewGuid().ToString("N")[..8] : "Matrix kept";
        if (await db.MessageTemplates.Where(t => t.UnitId == c.Target.Booth && t.Name == name).Select(t => (int?)t.Id).FirstOrDefaultAsync() is { } held)
            return held;
        var template = new MessageTemplate
        {
            UnitId = c.Target.Booth, Name = name, TextEn = "Hello {name}", TextHi = "नमस्ते {name}", CreatedAt = DateTime.UtcNow, CreatedBy = "matrix",
        };
        db.MessageTemplates.Add(template);
        await db.SaveChangesAsync();
        return template.Id;
    });

    public static Task<int> AtBoothAsync(Call c, BroadcastStatus status, bool fresh = false) => c.World.App.WithDb(async db =>
    {
        if (!fresh && await db.Broadcasts.Where(b => b.UnitId == c.Target.Booth && b.Status == status && b.CreatedBy == "matrix")
                .Select(b => (int?)b.Id).FirstOrDefaultAsync() is { } held) return held;
        var broadcast = new Broadcast
        {
            Title = "Matrix broadcast", UnitId = c.Target.Booth, OfficeBearers = true, UseSms = true, TextEn = "Hello", TextHi = "नमस्ते",
            DltTemplateId = "1707000000000000001", Status = status, Audience = 1, CreatedAt = DateTime.UtcNow, SendAt = DateTime.UtcNow.AddDays(1),
            CreatedBy = "matrix",
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync();
        return broadcast.Id;
    });
}

/// <summary>
/// Meetings at a side's booth, made straight in the database: one kept (on now, its office bearer invited, a photo),
/// and fresh ones for the calls that end or fill one; a member's card at the booth, read once per side.
/// </summary>
static class MatrixMeetings
{
    // Kept per world and side: the fuzz test serves its own world beside the matrix's (in parallel), and an id or a card
    // code of one world's database means nothing (or someone else) in the other's.
    static readonly ConcurrentDictionary<(MatrixWorld, Side), int> Kept = [];
    static readonly ConcurrentDictionary<(MatrixWorld, Side), (int Meeting, int Photo)> Photos = [];
    static readonly ConcurrentDictionary<(MatrixWorld, Side), string> Codes = [];

    public static async Task<int> AtBoothAsync(Call c, bool fresh = false)
    {
        if (!fresh && Kept.TryGetValue((c.World, c.Side), out var kept) && await c.World.App.WithDb(db => db.Meetings.AnyAsync(m => m.Id == kept && m.UnitId == c.Target.Booth))) return kept;
        var id = await c.World.App.WithDb(async db =>
        {
            var now = DateTime.UtcNow;
            var meeting = new Sangathan.Meetings.Meeting
            {
                UnitId = c.Target.Booth, Title = "Matrix meeting", StartsAt = now.AddMinutes(-10), EndsAt = now.AddHours(3), Month = now.Year * 100 + now.Month,
                Place = "Matrix hall", OfficeBearers = true, Status = Sangathan.Meetings.MeetingStatus.Scheduled, Invited = 1, CreatedBy = "matrix", CreatedAt = now,
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            db.MeetingInvitees.Add(new Sangathan.Meetings.MeetingInvitee { MeetingId = meeting.Id, Kind = RecipientKind.Person, RecipientId = c.Target.PersonId, Invited = true });
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        if (!fresh) Kept[(c.World, c.Side)] = id;
        return id;
    }

    public static async Task<int> PhotoAsync(Call c)
    {
        // The photo of the kept meeting as it is now: a call that ends or deletes meetings makes AtBoothAsync keep a new one.
        var meeting = await AtBoothAsync(c);
        if (Photos.TryGetValue((c.World, c.Side), out var held) && held.Meeting == meeting
            && await c.World.App.WithDb(db => db.MeetingPhotos.AnyAsync(p => p.Id == held.Photo && p.MeetingId == meeting))) return held.Photo;
        var made = await c.World.App.WithDb(async db =>
        {
            // Its own photo: the office bearer's may be replaced (and deleted) by another call of the matrix.
            var photo = await Sangathan.People.PhotoStore.SaveAsync(db, Sangathan.People.PhotoUpload.Check(Branch.PhotoOf("Meeting")).Photo!, default);
            var row = new Sangathan.Meetings.MeetingPhoto { MeetingId = meeting, PhotoId = photo, AddedAt = DateTime.UtcNow, AddedBy = "matrix" };
            db.MeetingPhotos.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        Photos[(c.World, c.Side)] = (meeting, made);
        return made;
    }

    public static async Task<string> CardCodeAsync(Call c)
    {
        if (Codes.TryGetValue((c.World, c.Side), out var code)) return code;
        var member = await MatrixCards.WithCardAsync(c);
        using var admin = c.World.App.CreateAdminClient();
        return Codes[(c.World, c.Side)] = await Cards.CardWorld.CodeAsync(admin, member);
    }

    public static MultipartFormDataContent Photo()
    {
        var file = new ByteArrayContent(Membership.TestPhotos.Jpeg(64, 48));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "photo", "meeting.jpg" } };
    }
}
