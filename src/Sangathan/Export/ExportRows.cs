using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Geography;
using Sangathan.Organization;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Export;

/// <summary>
/// The rows of each download for a unit and everything under it, read from the database as they are written out,
/// in tree order; a state's 54,000 booths are never held at once. Headers are in the reader's language. Numbers are
/// numbers and dates dates (a spreadsheet sums and sorts them); each row names its places (district, block, mandal,
/// booth number, assembly constituency) in words, not only its code, so a war room can filter by them.
/// </summary>
public sealed class ExportRows(AppDb db)
{
    const int Batch = 500;

    /// <summary>Each table's column widths in characters, in the order of its header.</summary>
    public static IReadOnlyList<double> Widths(ExportKind kind, Places places)
    {
        double[] unit = [14, 10, 24, 24];
        var placeWidths = Enumerable.Repeat(18.0, places.Header.Count - 2).Concat([10.0, 24.0]);
        double[] rest = kind switch
        {
            ExportKind.OfficeBearers => [16, 24, 24, 17, 26, 16, 16, 16, 16, 16, 16, 16, 12],
            ExportKind.Vacancies => [16, 8, 8, 8],
            _ => [8, 8, 12, 12, 10],
        };
        return [.. unit, .. placeWidths, .. rest];
    }

    public async IAsyncEnumerable<IReadOnlyList<object?>> OfficeBearersAsync(string path, Places places, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Unit code"), T("Level"), T("Unit"), T("Unit (Hindi)"), .. places.Header, T("Post"), T("Name in English"), T("Name in Hindi"),
            T("Mobile"), T("E-mail"), T("Village"), T("Jurisdiction"), "Facebook", "X", "Instagram", "YouTube", "WhatsApp", T("Since")];
        await foreach (var b in Bearers(path).AsAsyncEnumerable().WithCancellation(ct))
            yield return [b.Code, Name(b.LevelEn, b.LevelHi), b.UnitEn, b.UnitHi, .. places.Of(b.Path, b.Part, b.Ac), Name(b.PostEn, b.PostHi), b.NameEn, b.NameHi,
                Readable(b.Mobile), b.Email, b.Village, b.Jurisdiction, b.Facebook, b.X, b.Instagram, b.YouTube, Readable(b.WhatsApp), b.From];
    }

    public async IAsyncEnumerable<Contact> ContactsAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        // One card per person, however many posts they hold.
        var seen = new HashSet<int>();
        await foreach (var b in Bearers(path).AsAsyncEnumerable().WithCancellation(ct))
            if (seen.Add(b.PersonId))
                yield return new Contact(b.NameEn, b.NameHi, b.Mobile, b.Email, Name(b.PostEn, b.PostHi), Name(b.UnitEn, b.UnitHi));
    }

    public async IAsyncEnumerable<IReadOnlyList<object?>> CompletenessAsync(string path, Places places, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Unit code"), T("Level"), T("Unit"), T("Unit (Hindi)"), .. places.Header, T("Seats"), T("Filled"), T("Seats here and below"),
            T("Filled here and below"), T("Per cent filled")];
        var units = Subtree(path).OrderBy(u => u.Path)
            .Select(u => new { u.Code, u.Path, u.PartNumber, u.AssemblyConstituencyId, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, u.NameEn, u.NameHi,
                u.Seats, u.SeatsFilled, u.SubtreeSeats, u.SubtreeFilled });
        await foreach (var u in units.AsAsyncEnumerable().WithCancellation(ct))
            yield return [u.Code, Name(u.LevelEn, u.LevelHi), u.NameEn, u.NameHi, .. places.Of(u.Path, u.PartNumber, u.AssemblyConstituencyId),
                u.Seats, u.SeatsFilled, u.SubtreeSeats, u.SubtreeFilled, UnitRules.Percent(u.SubtreeFilled, u.SubtreeSeats)];
    }

    /// <summary>Every post with an empty seat, unit by unit; which seats are filled is read a batch of units at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> VacanciesAsync(string path, Places places, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Unit code"), T("Level"), T("Unit"), T("Unit (Hindi)"), .. places.Header, T("Post"), T("Seats"), T("Filled"), T("Vacant")];
        var posts = await db.Posts.AsNoTracking().Where(p => p.Until == null).OrderBy(p => p.Rank).ToListAsync(ct);
        var after = "";
        while (true)
        {
            var units = await Subtree(path).Where(u => u.SeatsFilled < u.Seats && u.Path.CompareTo(after) > 0).OrderBy(u => u.Path).Take(Batch)
                .Select(u => new { u.Id, u.Path, u.Code, u.LevelId, u.PartNumber, u.AssemblyConstituencyId, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, u.NameEn, u.NameHi })
                .ToListAsync(ct);
            if (units.Count == 0) yield break;
            after = units[^1].Path;
            var ids = units.Select(u => u.Id).ToList();
            var filled = (await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Until == null)
                .GroupBy(a => new { a.UnitId, a.PostId }).Select(g => new { g.Key.UnitId, g.Key.PostId, N = g.Count() }).ToListAsync(ct))
                .ToDictionary(f => (f.UnitId, f.PostId), f => f.N);
            foreach (var u in units)
                foreach (var p in posts.Where(p => p.LevelId == u.LevelId))
                {
                    var n = filled.GetValueOrDefault((u.Id, p.Id));
                    if (n < p.Seats)
                        yield return [u.Code, Name(u.LevelEn, u.LevelHi), u.NameEn, u.NameHi, .. places.Of(u.Path, u.PartNumber, u.AssemblyConstituencyId),
                            Name(p.NameEn, p.NameHi), p.Seats, n, p.Seats - n];
                }
        }
    }

    /// <summary>
    /// The places a row names: the units above it at each level between the top and the booths (districts, blocks,
    /// mandals: a state's 2,600, read once), the booth's part number and the assembly constituency.
    /// </summary>
    public sealed class Places(IReadOnlyList<(int Depth, string Name)> levels, IReadOnlyDictionary<int, string> units, IReadOnlyDictionary<int, string> acs)
    {
        public IReadOnlyList<object?> Header => [.. levels.Select(l => (object?)l.Name), T("Booth number"), T("Assembly constituency")];

        public IReadOnlyList<object?> Of(string path, int? part, int? ac)
        {
            var ids = UnitRules.IdsOn(path);
            return [.. levels.Select(l => (object?)(l.Depth < ids.Length ? units.GetValueOrDefault(ids[l.Depth]) : null)),
                part, ac is { } a ? acs.GetValueOrDefault(a) : null];
        }
    }

    public async Task<Places> PlacesAsync(string path, CancellationToken ct)
    {
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth).Select(l => new { l.Depth, l.NameEn, l.NameHi }).ToListAsync(ct);
        var booth = levels.Count > 0 ? levels[^1].Depth : 0;
        var named = levels.Where(l => l.Depth > 0 && l.Depth < booth).Select(l => (l.Depth, Name(l.NameEn, l.NameHi))).ToList();
        var above = UnitRules.IdsOn(path);
        var units = await db.Units.AsNoTracking().Under(path).Where(u => u.Depth > 0 && u.Depth < booth)
            .Select(u => new { u.Id, u.NameEn, u.NameHi }).ToListAsync(ct);
        units.AddRange(await db.Units.AsNoTracking().Where(u => above.Contains(u.Id)).Select(u => new { u.Id, u.NameEn, u.NameHi }).ToListAsync(ct));
        var acs = await db.Constituencies.AsNoTracking().Where(c => c.Kind == ConstituencyKind.Assembly)
            .Select(c => new { c.Id, c.Number, c.NameEn, c.NameHi }).ToListAsync(ct);
        return new Places(named, units.DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => Name(u.NameEn, u.NameHi)),
            acs.ToDictionary(c => c.Id, c => $"{c.Number} {Name(c.NameEn, c.NameHi)}"));
    }

    /// <summary>An Indian mobile as people write it, "+91 98290 12345": a spreadsheet keeps it as text, not 9.18E+11.</summary>
    public static string? Readable(string? mobile) =>
        mobile is { Length: 13 } m && m.StartsWith("+91", StringComparison.Ordinal) && m.Skip(3).All(char.IsAsciiDigit) ? $"+91 {m[3..8]} {m[8..]}" : mobile;

    sealed record Bearer(int PersonId, string Code, string Path, int? Part, int? Ac, string LevelEn, string LevelHi, string UnitEn, string UnitHi, string PostEn, string PostHi,
        string NameEn, string NameHi, string? Mobile, string? Email, string? Village, string? Jurisdiction, string? Facebook, string? X,
        string? Instagram, string? YouTube, string? WhatsApp, DateOnly From);

    IQueryable<Bearer> Bearers(string path) =>
        from a in db.Appointments.AsNoTracking()
        where a.Until == null
        join u in Subtree(path) on a.UnitId equals u.Id
        join p in db.People on a.PersonId equals p.Id
        join po in db.Posts on a.PostId equals po.Id
        join l in db.Levels on u.LevelId equals l.Id
        orderby u.Path, po.Rank, a.Id
        select new Bearer(p.Id, u.Code, u.Path, u.PartNumber, u.AssemblyConstituencyId, l.NameEn, l.NameHi, u.NameEn, u.NameHi, po.NameEn, po.NameHi, p.NameEn, p.NameHi, p.Mobile, p.Email,
            p.Village, p.Jurisdiction, p.Facebook, p.X, p.Instagram, p.YouTube, p.WhatsApp, a.From);

    IQueryable<Unit> Subtree(string path) => db.Units.AsNoTracking().Under(path);
}
