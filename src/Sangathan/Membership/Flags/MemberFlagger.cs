using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Looks at new members after they are saved, never while they enroll (the drive's last days are a surge): a mobile
/// shared by too many members, an enroller at an unusual rate, many enrollments from one phone, a photo nearly the
/// same as another member's, a photo to take again (nearly blank, too dark, blurred). Each finding is a flag for scrutiny, written once per member and kind.
/// </summary>
public sealed class MemberFlagger(IOptions<FlagOptions> flags, IOptions<MembershipOptions> membership)
{
    const int Batch = 500;
    readonly Queue<(int Id, long Hash)> recent = new();
    readonly SemaphoreSlim one = new(1, 1);
    int checkedUpTo = -1;

    /// <summary>Checks the members saved since the last call; returns how many it looked at. One call at a time.</summary>
    public async Task<int> RunAsync(AppDb db, DateTime now, CancellationToken ct)
    {
        await one.WaitAsync(ct);
        try
        {
            return await CheckNextAsync(db, now, ct);
        }
        finally
        {
            one.Release();
        }
    }

    async Task<int> CheckNextAsync(AppDb db, DateTime now, CancellationToken ct)
    {
        // After a restart, the last day's members are looked at again; flags already written are not repeated.
        if (checkedUpTo < 0)
            checkedUpTo = await db.Members.Where(m => m.CreatedAt < now.AddDays(-1)).MaxAsync(m => (int?)m.Id, ct) ?? 0;
        var members = await db.Members.AsNoTracking().Where(m => m.Id > checkedUpTo).OrderBy(m => m.Id).Take(Batch)
            .Select(m => new Seen(m.Id, m.Mobile, m.EnrolledById, m.DeviceId, m.PhotoHash, m.CreatedAt, m.PhotoId, m.BoothId, m.Status, m.Category, m.Gender))
            .ToListAsync(ct);
        if (members.Count == 0) return 0;

        var found = new List<MemberFlag>();
        await SharedMobilesAsync(db, members, found, ct);
        await FastEnrollersAsync(db, members, found, ct);
        await BusyDevicesAsync(db, members, found, ct);
        await SimilarPhotosAsync(db, members, found, ct);
        await PoorPhotosAsync(db, members, found, ct);

        var ids = found.Select(f => f.MemberId).Distinct().ToList();
        var existing = (await db.MemberFlags.Where(f => ids.Contains(f.MemberId)).Select(f => new { f.MemberId, f.Kind }).ToListAsync(ct))
            .Select(f => (f.MemberId, f.Kind)).ToHashSet();
        foreach (var flag in found.DistinctBy(f => (f.MemberId, f.Kind)).Where(f => !existing.Contains((f.MemberId, f.Kind))))
        {
            flag.CreatedAt = now;
            db.MemberFlags.Add(flag);
        }
        // The flagged rate counts a member once, at their first flag of any kind.
        var before = existing.Select(f => f.MemberId).ToHashSet();
        foreach (var m in members.Where(m => ids.Contains(m.Id) && !before.Contains(m.Id)))
            db.MemberCountChanges.Add(MemberCounting.Flagged(m.BoothId, m.Status, m.Category, m.Gender, m.EnrolledById, DateOnly.FromDateTime(now)));
        await db.SaveChangesAsync(ct);
        checkedUpTo = members[^1].Id;
        return members.Count;
    }

    sealed record Seen(int Id, string Mobile, int? EnrolledById, string? DeviceId, long? PhotoHash, DateTime CreatedAt, int? PhotoId,
        int BoothId, MemberStatus Status, string Category, People.Gender Gender);

    /// <summary>
    /// Photos to take again, measured as the phone measured them before sending (the phone's check can be passed over,
    /// and the API has none). A few dozen pictures read at a time, each decoded at a sixth of its size.
    /// </summary>
    async Task PoorPhotosAsync(AppDb db, List<Seen> members, List<MemberFlag> found, CancellationToken ct)
    {
        foreach (var chunk in members.Where(m => m.PhotoId is not null).Chunk(50))
        {
            var ids = chunk.Select(m => m.PhotoId!.Value).Distinct().ToList();
            var photos = await db.Photos.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Content }).ToDictionaryAsync(p => p.Id, p => p.Content, ct);
            foreach (var m in chunk)
                if (photos.TryGetValue(m.PhotoId!.Value, out var jpeg) && PhotoQuality.Of(jpeg) is var problem and not PhotoProblem.None)
                    found.Add(Flag(m.Id, FlagKind.PoorPhoto, problem.ToString()));
        }
    }

    async Task SharedMobilesAsync(AppDb db, List<Seen> members, List<MemberFlag> found, CancellationToken ct)
    {
        var mobiles = members.Select(m => m.Mobile).Distinct().ToList();
        var limit = membership.Value.MembersPerMobile;
        var crowded = await db.Members.Where(m => mobiles.Contains(m.Mobile)).GroupBy(m => m.Mobile)
            .Where(g => g.Count() > limit).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        found.AddRange(members.Where(m => crowded.ContainsKey(m.Mobile))
            .Select(m => Flag(m.Id, FlagKind.SharedMobile, $"{crowded[m.Mobile]} members share this mobile")));
    }

    // One query a batch for each of these, not one an enroller or phone: a batch at the surge holds hundreds of them.
    async Task FastEnrollersAsync(AppDb db, List<Seen> members, List<MemberFlag> found, CancellationToken ct)
    {
        var batch = members.Where(m => m.EnrolledById is not null).ToList();
        if (batch.Count == 0) return;
        var ids = batch.Select(m => m.EnrolledById!.Value).Distinct().ToList();
        var window = TimeSpan.FromHours(1);
        var (from, until) = (batch.Min(m => m.CreatedAt) - window, batch.Max(m => m.CreatedAt));
        var times = (await db.Members.Where(m => m.EnrolledById != null && ids.Contains(m.EnrolledById.Value) && m.CreatedAt > from && m.CreatedAt <= until)
            .Select(m => new { Key = m.EnrolledById!.Value, m.CreatedAt }).ToListAsync(ct)).ToLookup(m => m.Key, m => m.CreatedAt);
        foreach (var group in batch.GroupBy(m => m.EnrolledById!.Value))
        {
            var n = CountWithin(times[group.Key], group.Max(m => m.CreatedAt), window);
            if (n > flags.Value.EnrollerPerHour)
                found.AddRange(group.Select(m => Flag(m.Id, FlagKind.FastEnroller, $"{n} members by this enroller within an hour")));
        }
    }

    async Task BusyDevicesAsync(AppDb db, List<Seen> members, List<MemberFlag> found, CancellationToken ct)
    {
        var batch = members.Where(m => m.DeviceId is not null).ToList();
        if (batch.Count == 0) return;
        var devices = batch.Select(m => m.DeviceId!).Distinct().ToList();
        var window = TimeSpan.FromDays(1);
        var (from, until) = (batch.Min(m => m.CreatedAt) - window, batch.Max(m => m.CreatedAt));
        var times = (await db.Members.Where(m => m.DeviceId != null && devices.Contains(m.DeviceId) && m.CreatedAt > from && m.CreatedAt <= until)
            .Select(m => new { Key = m.DeviceId!, m.CreatedAt }).ToListAsync(ct)).ToLookup(m => m.Key, m => m.CreatedAt);
        foreach (var group in batch.GroupBy(m => m.DeviceId!))
        {
            var n = CountWithin(times[group.Key], group.Max(m => m.CreatedAt), window);
            if (n > flags.Value.DevicePerDay)
                found.AddRange(group.Select(m => Flag(m.Id, FlagKind.SameDevice, $"{n} members from one phone within a day")));
        }
    }

    /// <summary>How many of the times fall in the window that ends at <paramref name="until"/>: (until - window, until].</summary>
    static int CountWithin(IEnumerable<DateTime> times, DateTime until, TimeSpan window) =>
        times.Count(t => t > until - window && t <= until);

    /// <summary>
    /// The same picture twice: exact matches through the hash's index, near ones (re-saved, slightly cropped) against
    /// the most recent photos kept here; fraud comes in bursts, so recent is where its twins are.
    /// </summary>
    async Task SimilarPhotosAsync(AppDb db, List<Seen> members, List<MemberFlag> found, CancellationToken ct)
    {
        var hashes = members.Where(m => m.PhotoHash is not null).Select(m => m.PhotoHash!.Value).Distinct().ToList();
        var twins = await db.Members.Where(m => m.PhotoHash != null && hashes.Contains(m.PhotoHash.Value))
            .Select(m => new { m.Id, Hash = m.PhotoHash!.Value }).ToListAsync(ct);
        foreach (var m in members.Where(m => m.PhotoHash is not null))
        {
            var hash = m.PhotoHash!.Value;
            var other = twins.FirstOrDefault(t => t.Hash == hash && t.Id != m.Id)?.Id
                ?? recent.Where(r => r.Id != m.Id && MemberPhoto.Distance(r.Hash, hash) <= flags.Value.PhotoDistance).Select(r => (int?)r.Id).FirstOrDefault();
            if (other is { } twin) found.Add(Flag(m.Id, FlagKind.SimilarPhoto, $"photo like member {twin}'s"));
            recent.Enqueue((m.Id, hash));
            if (recent.Count > flags.Value.RecentPhotos) recent.Dequeue();
        }
    }

    static MemberFlag Flag(int memberId, FlagKind kind, string detail) => new() { MemberId = memberId, Kind = kind, Detail = detail };
}
