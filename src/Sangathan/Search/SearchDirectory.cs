using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Search;

/// <summary>A person found, with the post they hold highest (if any) and its unit, for telling namesakes apart.</summary>
public sealed record PersonHit(int Id, string NameEn, string NameHi, string? Mobile, int? PhotoId, string? Village,
    string? PostEn = null, string? PostHi = null, int? UnitId = null, string? UnitEn = null, string? UnitHi = null);

/// <summary>A member found, with their booth and where their membership stands; their mobile is always masked.</summary>
public sealed record MemberHit(int Id, string NameEn, string NameHi, string Mobile, int BoothId, string BoothEn, string BoothHi, MemberStatus Status);

public sealed record UnitHit(int Id, string Code, string NameEn, string NameHi, string LevelEn, string LevelHi);

/// <summary>
/// What a search found: at most <see cref="SearchDirectory.Limit"/> of each kind, and how many there are in all
/// (counted up to <see cref="SearchDirectory.CountLimit"/>; <c>More</c> when there are more than that).
/// </summary>
public sealed record SearchResults(string Query, IReadOnlyList<PersonHit> People, IReadOnlyList<UnitHit> Units,
    int PeopleTotal = 0, IReadOnlyList<MemberHit>? Members = null, int MembersTotal = 0, bool More = false)
{
    public static SearchResults Empty(string query) => new(query, [], [], Members: []);
}

/// <summary>
/// One search box for people, members and units: any word of a name (a surname alone too) in either script, with
/// the spelling variants of Hindi names (<see cref="NameKeys"/>), a mobile number in any common spelling, or a unit
/// code. Every branch is an index range or lookup, never a scan of 600,000 people; only what the caller's part of
/// the tree holds is searched at all.
/// </summary>
public sealed class SearchDirectory(AppDb db, Door door)
{
    public const int MaxQuery = 100;
    public const int Limit = 20;
    public const int CountLimit = 1000;

    public async Task<SearchResults> RunAsync(string? query, CancellationToken ct = default)
    {
        var q = PersonRules.Clean(query);
        if (q.Length == 0 || q.Length > MaxQuery) return SearchResults.Empty(q);
        var reach = await door.ReachAsync(ct);

        if (PersonRules.NormalizeMobile(q) is { } mobile)
        {
            var byMobile = await reach.People.AsNoTracking().Where(p => p.Mobile == mobile)
                .Select(p => new PersonHit(p.Id, p.NameEn, p.NameHi, p.Mobile, p.PhotoId, p.Village, null, null, null, null, null)).ToListAsync(ct);
            var membersByMobile = Masked(await MemberHits(reach.Members.Where(m => m.Mobile == mobile).OrderBy(m => m.Id)).Take(Limit).ToListAsync(ct));
            return new SearchResults(q, await WithPostsAsync(reach, await MaskedAsync(reach, byMobile, ct), ct), [], byMobile.Count,
                membersByMobile, membersByMobile.Count);
        }

        var keys = NameKeys.OfQuery(q);
        var (people, peopleTotal, peopleMore) = await PeopleAsync(reach, keys, ct);
        var (members, membersTotal, membersMore) = await MembersAsync(reach, keys, ct);
        return new SearchResults(q, await WithPostsAsync(reach, await MaskedAsync(reach, people, ct), ct), await UnitsAsync(reach, q, ct),
            peopleTotal, members, membersTotal, peopleMore || membersMore);
    }

    /// <summary>
    /// People with a name word beginning with each word typed. The longest word leads: its range of the words index is
    /// read in order and stops at the page; the other words are looked up for each person it brings (PersonId, Word).
    /// </summary>
    async Task<(List<PersonHit>, int, bool)> PeopleAsync(Reach reach, List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return ([], 0, false);
        var (lead, leadEnd) = Range(keys.OrderByDescending(k => k.Length).First());
        var found = from w in db.PersonWords
                    where w.Word.CompareTo(lead) >= 0 && w.Word.CompareTo(leadEnd) < 0
                    join p in reach.People on w.PersonId equals p.Id
                    select new { w.Word, w.PersonId, Person = p };
        foreach (var key in keys.Where(k => k != lead))
        {
            var (from, to) = Range(key);
            found = found.Where(x => db.PersonWords.Any(o => o.PersonId == x.Person.Id && o.Word.CompareTo(from) >= 0 && o.Word.CompareTo(to) < 0));
        }
        // A person with two words in the lead's range comes twice: twice the page is read, and each kept once.
        // Ordered by the words index's own columns (Word, PersonId), so the range is read in index order and stops at
        // the page; ordered by People.Id instead, the database sorts the whole range first (17,501 "meena" words:
        // 175 ms instead of 1 on SQLite at full scale).
        var page = await found.OrderBy(x => x.Word).ThenBy(x => x.PersonId).Take(Limit * 2)
            .Select(x => new PersonHit(x.Person.Id, x.Person.NameEn, x.Person.NameHi, x.Person.Mobile, x.Person.PhotoId, x.Person.Village,
                null, null, null, null, null)).AsNoTracking().ToListAsync(ct);
        var (total, more) = await CountAsync(found.Select(x => x.Person.Id), ct);
        return (page.DistinctBy(h => h.Id).Take(Limit).ToList(), total, more);
    }

    async Task<(List<MemberHit>, int, bool)> MembersAsync(Reach reach, List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return ([], 0, false);
        var (lead, leadEnd) = Range(keys.OrderByDescending(k => k.Length).First());
        var found = from w in db.MemberWords
                    where w.Word.CompareTo(lead) >= 0 && w.Word.CompareTo(leadEnd) < 0
                    join m in reach.Members on w.MemberId equals m.Id
                    select new { w.Word, w.MemberId, Member = m };
        foreach (var key in keys.Where(k => k != lead))
        {
            var (from, to) = Range(key);
            found = found.Where(x => db.MemberWords.Any(o => o.MemberId == x.Member.Id && o.Word.CompareTo(from) >= 0 && o.Word.CompareTo(to) < 0));
        }
        var ids = await found.OrderBy(x => x.Word).ThenBy(x => x.MemberId).Take(Limit * 2).Select(x => x.MemberId).ToListAsync(ct);
        ids = ids.Distinct().Take(Limit).ToList();
        var hits = await MemberHits(db.Members.Where(m => ids.Contains(m.Id))).ToListAsync(ct);
        var (total, more) = await CountAsync(found.Select(x => x.Member.Id), ct);
        return (Masked(hits).OrderBy(h => ids.IndexOf(h.Id)).ToList(), total, more);
    }

    IQueryable<MemberHit> MemberHits(IQueryable<Member> members) =>
        from m in members.AsNoTracking()
        join b in db.Units on m.BoothId equals b.Id
        select new MemberHit(m.Id, m.NameEn, m.NameHi, m.Mobile, b.Id, b.NameEn, b.NameHi, m.Status);

    static List<MemberHit> Masked(List<MemberHit> hits) => hits.Select(h => h with { Mobile = PersonRules.Mask(h.Mobile) }).ToList();

    /// <summary>How many match, up to <see cref="CountLimit"/>: a count stopped there costs no more than reading that many index entries.</summary>
    static async Task<(int Total, bool More)> CountAsync(IQueryable<int> ids, CancellationToken ct)
    {
        var first = await ids.Take(CountLimit + 1).ToListAsync(ct);
        var total = first.Distinct().Count();
        return (Math.Min(total, CountLimit), first.Count > CountLimit);
    }

    /// <summary>
    /// Units by the start of their name in either script or their code: ranges on the indexed key columns, an index seek
    /// on both databases, where LIKE 'x%' is one only under particular collations.
    /// </summary>
    async Task<List<UnitHit>> UnitsAsync(Reach reach, string q, CancellationToken ct)
    {
        var key = q.ToLowerInvariant();
        var code = q.ToUpperInvariant();
        var (keyEnd, qEnd, codeEnd) = (PrefixRange.End(key), PrefixRange.End(q), PrefixRange.End(code));
        return await reach.Units.AsNoTracking()
            .Where(u => (u.NameKey.CompareTo(key) >= 0 && u.NameKey.CompareTo(keyEnd) < 0)
                        || (u.NameHi.CompareTo(q) >= 0 && u.NameHi.CompareTo(qEnd) < 0)
                        || (u.Code.CompareTo(code) >= 0 && u.Code.CompareTo(codeEnd) < 0))
            .OrderBy(u => u.Depth).ThenBy(u => u.NameKey).ThenBy(u => u.Id).Take(Limit)
            .Select(u => new UnitHit(u.Id, u.Code, u.NameEn, u.NameHi, u.Level!.NameEn, u.Level.NameHi))
            .ToListAsync(ct);
    }

    static (string From, string To) Range(string key) => (key, PrefixRange.End(key));

    /// <summary>Mobiles masked exactly as the person page masks them (<see cref="Reach.ContactsShown"/>), for up to <see cref="Limit"/> hits.</summary>
    async Task<List<PersonHit>> MaskedAsync(Reach reach, List<PersonHit> hits, CancellationToken ct)
    {
        var ids = hits.Where(h => h.Mobile is not null).Select(h => h.Id).ToList();
        if (ids.Count == 0) return hits;
        var shown = (await db.People.Where(p => ids.Contains(p.Id)).Where(reach.ContactsShown).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return hits.Select(h => h.Mobile is null || shown.Contains(h.Id) ? h : h with { Mobile = PersonRules.Mask(h.Mobile) }).ToList();
    }

    /// <summary>Each person's highest post now held in the caller's part of the tree (the highest unit, then the first post there).</summary>
    async Task<List<PersonHit>> WithPostsAsync(Reach reach, List<PersonHit> hits, CancellationToken ct)
    {
        if (hits.Count == 0) return hits;
        var ids = hits.Select(h => h.Id).ToList();
        var posts = await (from a in db.Appointments.AsNoTracking()
                           where ids.Contains(a.PersonId) && a.Until == null
                           join u in reach.Units on a.UnitId equals u.Id
                           join p in db.Posts on a.PostId equals p.Id
                           select new { a.PersonId, u.Depth, p.Rank, PostEn = p.NameEn, PostHi = p.NameHi, UnitId = u.Id, UnitEn = u.NameEn, UnitHi = u.NameHi })
            .ToListAsync(ct);
        var first = posts.GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Depth).ThenBy(p => p.Rank).First());
        return hits.Select(h => first.TryGetValue(h.Id, out var p)
            ? h with { PostEn = p.PostEn, PostHi = p.PostHi, UnitId = p.UnitId, UnitEn = p.UnitEn, UnitHi = p.UnitHi } : h).ToList();
    }
}
