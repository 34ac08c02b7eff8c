using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Flags;

public sealed class FlagTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task SharedMobilesBusyEnrollersAndPhonesAndTwinPhotosAreFlaggedOnceEach()
    {
        var tree = new Tree(app.CreateAdminClient());
        var branch = await tree.BranchAsync("Churu", "चूरू");
        var enroller = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Bhanwar Lal", "भंवर लाल", Tree.RandomMobile());
        var shared = Tree.RandomMobile();
        var device = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow;
        var photo = MemberPhoto.Check(TestPhotos.Jpeg(400, 300, seed: 3)).Photo!.Hash;
        var ids = await app.WithDb(async db =>
        {
            var notice = new ConsentNotice { Language = "en", Text = "test", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = now };
            db.ConsentNotices.Add(notice);
            await db.SaveChangesAsync();
            // Six on one mobile (five are allowed), 125 by one enroller within the hour (120 are), the last two with one photo.
            var members = Enumerable.Range(0, 125).Select(i => new Member
            {
                VoterId = $"FLG{Random.Shared.Next(1_000_000, 9_999_999)}", NameEn = $"Member {i}", NameHi = $"सदस्य {i}",
                Mobile = i < 6 ? shared : Tree.RandomMobile(), Category = "general", Age = 30, BoothId = branch.Booth,
                Source = MemberSource.Field, Status = MemberStatus.Pending, Fee = FeeState.Cash, EnrolledById = enroller,
                RequestKey = Guid.NewGuid().ToString("N"), DeviceId = device, ConsentNoticeId = notice.Id, ConsentAt = now,
                CreatedAt = now.AddSeconds(-i), PhotoHash = i >= 123 ? photo ^ (i == 124 ? 0b101L : 0) : Random.Shared.NextInt64(),
            }).ToList();
            db.Members.AddRange(members);
            await db.SaveChangesAsync();
            return members.Select(m => m.Id).ToList();
        });

        using (var scope = app.Services.CreateScope())
        {
            var flagger = scope.ServiceProvider.GetRequiredService<MemberFlagger>();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            // Members are looked at once they have settled (MemberFlagger.Settle).
            while (await flagger.RunAsync(db, now + MemberFlagger.Settle, default) > 0) { }
        }
        var flags = await app.WithDb(db => db.MemberFlags.AsNoTracking().Where(f => ids.Contains(f.MemberId)).ToListAsync());
        Assert.Equal(ids.Take(6).Order(), flags.Where(f => f.Kind == FlagKind.SharedMobile).Select(f => f.MemberId).Order());
        Assert.Equal(125, flags.Count(f => f.Kind == FlagKind.FastEnroller));
        Assert.DoesNotContain(flags, f => f.Kind == FlagKind.SameDevice); // 125 from one phone in a day is within 300
        // Two bits apart: the same picture re-saved. The earlier made of the pair (124, a second older) is found by the later.
        Assert.Contains(flags, f => f.Kind == FlagKind.SimilarPhoto && f.MemberId == ids[123]);
        Assert.Equal(flags.Count, flags.DistinctBy(f => (f.MemberId, f.Kind)).Count());
    }
}
