using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Membership;

/// <summary>
/// What a batch of count changes adds to each unit's tallies: by status, category and gender; by day joined; the unit's
/// one-row totals; each enroller's. The demo's bulk load sums its members with the same rules, so the two cannot differ.
/// </summary>
internal sealed class TallySums
{
    public Dictionary<(int Unit, MemberStatus Status, string Category, Gender Gender), long> ByStatus { get; } = [];
    public Dictionary<(int Unit, DateOnly Day), long> ByDay { get; } = [];
    public Dictionary<int, long[]> Totals { get; } = [];
    public Dictionary<(int Unit, int Enroller), long[]> Enrollers { get; } = [];

    static readonly string[] TotalColumns = ["Joined", "Verified", "Rejected", "Flagged"];
    static readonly string[] EnrollerColumns = ["Joined", "Confirmed", "Verified", "Rejected", "Flagged"];

    /// <summary>Past the member's own confirmation of their mobile: waiting for scrutiny or decided.</summary>
    public static bool IsConfirmed(MemberStatus s) => s is MemberStatus.Pending or MemberStatus.Verified or MemberStatus.Rejected or MemberStatus.SentBack;

    public void Add(int unit, MemberCountChange c)
    {
        if (c.Delta != 0)
        {
            var key = (unit, c.Status, c.Category, c.Gender);
            ByStatus[key] = ByStatus.GetValueOrDefault(key) + c.Delta;
        }
        // A day counts who joined: every member's first change is +1 to Unconfirmed, in the field and online alike.
        // (AwaitingPayment is reached by a move from Unconfirmed; counting it too counted such members twice.)
        if (c.Delta > 0 && c.Status == MemberStatus.Unconfirmed)
            ByDay[(unit, c.Day)] = ByDay.GetValueOrDefault((unit, c.Day)) + 1;

        long verified = c.Status == MemberStatus.Verified ? c.Delta : 0, rejected = c.Status == MemberStatus.Rejected ? c.Delta : 0;
        Plus(Totals, unit, [c.Delta, verified, rejected, c.Flagged]);
        if (c.EnrollerId is { } enroller)
            Plus(Enrollers, (unit, enroller), [c.Delta, IsConfirmed(c.Status) ? c.Delta : 0, verified, rejected, c.Flagged]);
    }

    /// <summary>
    /// A member as the fold would have counted them from their history: joined (unconfirmed) on the day they were made,
    /// then moved to where they stand now, perhaps flagged once. For bulk loads that write members past the changes.
    /// </summary>
    /// <remarks>A sign of -1 takes such a member off the unit (a re-cut moving members between booths).</remarks>
    public void AddMember(int unit, Member m, bool flagged, int sign = 1)
    {
        var key = (unit, m.Status, m.Category, m.Gender);
        ByStatus[key] = ByStatus.GetValueOrDefault(key) + sign;
        var day = DateOnly.FromDateTime(m.CreatedAt);
        ByDay[(unit, day)] = ByDay.GetValueOrDefault((unit, day)) + sign;
        long verified = m.Status == MemberStatus.Verified ? sign : 0, rejected = m.Status == MemberStatus.Rejected ? sign : 0, flag = flagged ? sign : 0;
        Plus(Totals, unit, [sign, verified, rejected, flag]);
        if (m.EnrolledById is { } enroller)
            Plus(Enrollers, (unit, enroller), [sign, IsConfirmed(m.Status) ? sign : 0, verified, rejected, flag]);
    }

    /// <summary>
    /// A unit's own tally rows (every kind) added, times each sign, to each of the given units: a unit moved away
    /// takes its counts off the units it left and puts them on those it joined.
    /// </summary>
    public async Task AddUnitAsync(AppDb db, int unitId, IReadOnlyCollection<(int Unit, int Sign)> onto, CancellationToken ct)
    {
        if (onto.Count == 0) return;
        var tallies = await db.MemberTallies.AsNoTracking().Where(t => t.UnitId == unitId && t.Count != 0).ToListAsync(ct);
        var days = await db.MemberDayTallies.AsNoTracking().Where(t => t.UnitId == unitId && t.Count != 0).ToListAsync(ct);
        var totals = await db.MemberTotals.AsNoTracking().Where(t => t.UnitId == unitId).ToListAsync(ct);
        var enrollers = await db.EnrollerTallies.AsNoTracking().Where(t => t.UnitId == unitId).ToListAsync(ct);
        foreach (var (unit, sign) in onto)
        {
            foreach (var t in tallies)
                ByStatus[(unit, t.Status, t.Category, t.Gender)] = ByStatus.GetValueOrDefault((unit, t.Status, t.Category, t.Gender)) + sign * t.Count;
            foreach (var t in days) ByDay[(unit, t.Day)] = ByDay.GetValueOrDefault((unit, t.Day)) + sign * t.Count;
            foreach (var t in totals) Plus(Totals, unit, [sign * t.Joined, sign * t.Verified, sign * t.Rejected, sign * t.Flagged]);
            foreach (var t in enrollers)
                Plus(Enrollers, (unit, t.EnrollerId), [sign * t.Joined, sign * t.Confirmed, sign * t.Verified, sign * t.Rejected, sign * t.Flagged]);
        }
    }

    /// <summary>These booths' sums added to every unit above each booth (its path without itself).</summary>
    public TallySums RolledUp(IReadOnlyDictionary<int, string> paths)
    {
        var up = new TallySums();
        int[] Above(int unit) => paths.TryGetValue(unit, out var p) ? Organization.UnitRules.IdsOn(p)[..^1] : [];
        foreach (var ((unit, status, category, gender), n) in ByStatus)
            foreach (var a in Above(unit)) up.ByStatus[(a, status, category, gender)] = up.ByStatus.GetValueOrDefault((a, status, category, gender)) + n;
        foreach (var ((unit, day), n) in ByDay)
            foreach (var a in Above(unit)) up.ByDay[(a, day)] = up.ByDay.GetValueOrDefault((a, day)) + n;
        foreach (var (unit, row) in Totals)
            foreach (var a in Above(unit)) Plus(up.Totals, a, row);
        foreach (var ((unit, enroller), row) in Enrollers)
            foreach (var a in Above(unit)) Plus(up.Enrollers, (a, enroller), row);
        return up;
    }

    /// <summary>The sums as new tally rows, for a bulk insert where none of these rows exist yet.</summary>
    public IEnumerable<object> Rows()
    {
        foreach (var ((unit, status, category, gender), n) in ByStatus.Where(t => t.Value != 0))
            yield return new MemberTally { UnitId = unit, Status = status, Category = category, Gender = gender, Count = n };
        foreach (var ((unit, day), n) in ByDay)
            yield return new MemberDayTally { UnitId = unit, Day = day, Count = n };
        foreach (var (unit, r) in Totals)
            yield return new MemberTotal { UnitId = unit, Joined = r[0], Verified = r[1], Rejected = r[2], Flagged = r[3] };
        foreach (var ((unit, enroller), r) in Enrollers)
            yield return new EnrollerTally { UnitId = unit, EnrollerId = enroller, Joined = r[0], Confirmed = r[1], Verified = r[2], Rejected = r[3], Flagged = r[4] };
    }

    static void Plus<TKey>(Dictionary<TKey, long[]> sums, TKey key, long[] add) where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var row)) sums[key] = row = new long[add.Length];
        for (var i = 0; i < add.Length; i++) row[i] += add[i];
    }

    public async Task WriteAsync(AppDb db, CancellationToken ct)
    {
        foreach (var chunk in ByStatus.Where(t => t.Value != 0).Chunk(500))
            await TallyFolder.UpsertAsync(db, "MemberTallies", ["UnitId", "Status", "Category", "Gender"], ["Count"],
                chunk.Select(t => (new object[] { t.Key.Unit, (int)t.Key.Status, t.Key.Category, (int)t.Key.Gender }, new[] { t.Value })).ToList(), ct);
        foreach (var chunk in ByDay.Where(t => t.Value != 0).Chunk(500))
            await TallyFolder.UpsertAsync(db, "MemberDayTallies", ["UnitId", "Day"], ["Count"],
                chunk.Select(t => (new object[] { t.Key.Unit, t.Key.Day }, new[] { t.Value })).ToList(), ct);
        foreach (var chunk in Totals.Where(t => t.Value.Any(v => v != 0)).Chunk(500))
            await TallyFolder.UpsertAsync(db, "MemberTotals", ["UnitId"], TotalColumns,
                chunk.Select(t => (new object[] { t.Key }, t.Value)).ToList(), ct);
        foreach (var chunk in Enrollers.Where(t => t.Value.Any(v => v != 0)).Chunk(500))
            await TallyFolder.UpsertAsync(db, "EnrollerTallies", ["UnitId", "EnrollerId"], EnrollerColumns,
                chunk.Select(t => (new object[] { t.Key.Unit, t.Key.Enroller }, t.Value)).ToList(), ct);
    }
}
