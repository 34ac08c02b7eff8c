using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Search;

public sealed record PersonHit(int Id, string NameEn, string NameHi, string? Mobile, int? PhotoId, string? Village);

public sealed record UnitHit(int Id, string Code, string NameEn, string NameHi, string LevelEn, string LevelHi);

public sealed record SearchResults(string Query, IReadOnlyList<PersonHit> People, IReadOnlyList<UnitHit> Units);

/// <summary>
/// One search box for people and units: a name's beginning in either script, a mobile number in any
/// common spelling, or a unit code. Every branch is an index range, never a scan of 600,000 people.
/// </summary>
public sealed class SearchDirectory(AppDb db, Door door)
{
    public const int MaxQuery = 100;
    public const int Limit = 20;

    public async Task<SearchResults> RunAsync(string? query, CancellationToken ct = default)
    {
        var q = PersonRules.Clean(query);
        if (q.Length == 0 || q.Length > MaxQuery) return new SearchResults(q, [], []);
        // Only what the caller's jurisdiction holds is searched at all.
        var reach = await door.ReachAsync(ct);
        var allPeople = reach.People.AsNoTracking();
        var allUnits = reach.Units.AsNoTracking();

        if (PersonRules.NormalizeMobile(q) is { } mobile)
        {
            var byMobile = await allPeople.Where(p => p.Mobile == mobile)
                .Select(p => new PersonHit(p.Id, p.NameEn, p.NameHi, p.Mobile, p.PhotoId, p.Village)).ToListAsync(ct);
            return new SearchResults(q, await MaskedAsync(reach, byMobile, ct), []);
        }

        var key = q.ToLowerInvariant();
        var code = q.ToUpperInvariant();
        // Ranges on the indexed key columns: on both databases each is an index seek (see PrefixRange).
        var (keyEnd, qEnd, codeEnd) = (PrefixRange.End(key), PrefixRange.End(q), PrefixRange.End(code));
        // One index range, read in index order, stops after Limit rows. An OR of the English and Hindi
        // ranges cannot bound an index scan, and PostgreSQL then walked the whole name index (0.5 s at
        // 528,000 people). A query is in one script, so it can match only one of the two columns anyway.
        var hindi = q.Any(c => c is >= '\u0900' and <= '\u097F');
        var matches = hindi
            ? allPeople.Where(p => p.NameHi.CompareTo(q) >= 0 && p.NameHi.CompareTo(qEnd) < 0).OrderBy(p => p.NameHi)
            : allPeople.Where(p => p.NameKey.CompareTo(key) >= 0 && p.NameKey.CompareTo(keyEnd) < 0).OrderBy(p => p.NameKey);
        var people = await matches.ThenBy(p => p.Id).Take(Limit)
            .Select(p => new PersonHit(p.Id, p.NameEn, p.NameHi, p.Mobile, p.PhotoId, p.Village)).ToListAsync(ct);

        var units = await allUnits
            .Where(u => (u.NameKey.CompareTo(key) >= 0 && u.NameKey.CompareTo(keyEnd) < 0)
                        || (u.NameHi.CompareTo(q) >= 0 && u.NameHi.CompareTo(qEnd) < 0)
                        || (u.Code.CompareTo(code) >= 0 && u.Code.CompareTo(codeEnd) < 0))
            .OrderBy(u => u.Depth).ThenBy(u => u.NameKey).ThenBy(u => u.Id).Take(Limit)
            .Select(u => new UnitHit(u.Id, u.Code, u.NameEn, u.NameHi, u.Level!.NameEn, u.Level.NameHi))
            .ToListAsync(ct);
        return new SearchResults(q, await MaskedAsync(reach, people, ct), units);
    }

    /// <summary>Mobiles masked exactly as the person page masks them (<see cref="Reach.ContactsShown"/>), for up to <see cref="Limit"/> hits.</summary>
    async Task<List<PersonHit>> MaskedAsync(Reach reach, List<PersonHit> hits, CancellationToken ct)
    {
        var ids = hits.Where(h => h.Mobile is not null).Select(h => h.Id).ToList();
        if (ids.Count == 0) return hits;
        var shown = (await db.People.Where(p => ids.Contains(p.Id)).Where(reach.ContactsShown).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return hits.Select(h => h.Mobile is null || shown.Contains(h.Id) ? h : h with { Mobile = PersonRules.Mask(h.Mobile) }).ToList();
    }
}
