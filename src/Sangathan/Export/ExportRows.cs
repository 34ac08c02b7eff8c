using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Export;

/// <summary>
/// The rows of each download for a unit and everything under it, read from the database as they are written out,
/// in tree order; a state's 54,000 booths are never held at once. Headers are in the reader's language.
/// </summary>
public sealed class ExportRows(AppDb db)
{
    const int Batch = 500;

    public async IAsyncEnumerable<IReadOnlyList<string?>> OfficeBearersAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Unit code"), T("Level"), T("Unit"), T("Unit (Hindi)"), T("Post"), T("Name in English"), T("Name in Hindi"),
            T("Mobile"), T("E-mail"), T("Village"), T("Jurisdiction"), "Facebook", "X", "Instagram", "YouTube", "WhatsApp", T("Since")];
        await foreach (var b in Bearers(path).AsAsyncEnumerable().WithCancellation(ct))
            yield return [b.Code, Name(b.LevelEn, b.LevelHi), b.UnitEn, b.UnitHi, Name(b.PostEn, b.PostHi), b.NameEn, b.NameHi,
                b.Mobile, b.Email, b.Village, b.Jurisdiction, b.Facebook, b.X, b.Instagram, b.YouTube, b.WhatsApp,
                b.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
    }

    public async IAsyncEnumerable<Contact> ContactsAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        // One card per person, however many posts they hold.
        var seen = new HashSet<int>();
        await foreach (var b in Bearers(path).AsAsyncEnumerable().WithCancellation(ct))
            if (seen.Add(b.PersonId))
                yield return new Contact(b.NameEn, b.NameHi, b.Mobile, b.Email, Name(b.PostEn, b.PostHi), Name(b.UnitEn, b.UnitHi));
    }

    public async IAsyncEnumerable<IReadOnlyList<string?>> CompletenessAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Unit code"), T("Level"), T("Unit"), T("Unit (Hindi)"), T("Seats"), T("Filled"), T("Seats here and below"),
            T("Filled here and below"), T("Per cent filled")];
        var units = Subtree(path).OrderBy(u => u.Path)
            .Select(u => new { u.Code, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, u.NameEn, u.NameHi, u.Seats, u.SeatsFilled, u.SubtreeSeats, u.SubtreeFilled });
        await foreach (var u in units.AsAsyncEnumerable().WithCancellation(ct))
            yield return [u.Code, Name(u.LevelEn, u.LevelHi), u.NameEn, u.NameHi, Number(u.Seats), Number(u.SeatsFilled),
                Number(u.SubtreeSeats), Number(u.SubtreeFilled), Number(UnitRules.Percent(u.SubtreeFilled, u.SubtreeSeats))];
    }

    /// <summary>Every post with an empty seat, unit by unit; which seats are filled is read a batch of units at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string?>> VacanciesAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Unit code"), T("Level"), T("Unit"), T("Unit (Hindi)"), T("Post"), T("Seats"), T("Filled"), T("Vacant")];
        var posts = await db.Posts.AsNoTracking().Where(p => p.Until == null).OrderBy(p => p.Rank).ToListAsync(ct);
        var after = "";
        while (true)
        {
            var units = await Subtree(path).Where(u => u.SeatsFilled < u.Seats && u.Path.CompareTo(after) > 0).OrderBy(u => u.Path).Take(Batch)
                .Select(u => new { u.Id, u.Path, u.Code, u.LevelId, LevelEn = u.Level!.NameEn, LevelHi = u.Level.NameHi, u.NameEn, u.NameHi })
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
                        yield return [u.Code, Name(u.LevelEn, u.LevelHi), u.NameEn, u.NameHi, Name(p.NameEn, p.NameHi), Number(p.Seats), Number(n), Number(p.Seats - n)];
                }
        }
    }

    sealed record Bearer(int PersonId, string Code, string LevelEn, string LevelHi, string UnitEn, string UnitHi, string PostEn, string PostHi,
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
        select new Bearer(p.Id, u.Code, l.NameEn, l.NameHi, u.NameEn, u.NameHi, po.NameEn, po.NameHi, p.NameEn, p.NameHi, p.Mobile, p.Email,
            p.Village, p.Jurisdiction, p.Facebook, p.X, p.Instagram, p.YouTube, p.WhatsApp, a.From);

    IQueryable<Unit> Subtree(string path) => db.Units.AsNoTracking().Under(path);

    static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
