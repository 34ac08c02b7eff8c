using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Geography;

public sealed record ConstituencyRow(
    int Id, string Kind, int Number, string NameEn, string NameHi, string Reservation, int? ParentId,
    int? RepresentativeId, int? PersonId, string? PersonEn, string? PersonHi);

/// <summary>Every constituency of one kind with its sitting representative, if the party holds the seat.</summary>
public sealed class ListConstituencies(AppDb db)
{
    public async Task<List<ConstituencyRow>> RunAsync(ConstituencyKind kind, CancellationToken ct = default)
    {
        var seats = await db.Constituencies.AsNoTracking().Where(c => c.Kind == kind).OrderBy(c => c.Number).ToListAsync(ct);
        var sitting = await db.Representatives.AsNoTracking()
            .Where(r => r.Until == null && db.Constituencies.Any(c => c.Id == r.ConstituencyId && c.Kind == kind))
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.Id, r.ConstituencyId, PersonId = p.Id, p.NameEn, p.NameHi })
            .ToListAsync(ct);
        // One sitting member per seat is the rule; should data break it, the latest term is shown.
        var bySeat = sitting.GroupBy(r => r.ConstituencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var label = kind == ConstituencyKind.Parliamentary ? "MP" : "MLA";
        return seats.Select(c => bySeat.TryGetValue(c.Id, out var s)
                ? new ConstituencyRow(c.Id, label, c.Number, c.NameEn, c.NameHi, c.Reservation, c.ParentId, s.Id, s.PersonId, s.NameEn, s.NameHi)
                : new ConstituencyRow(c.Id, label, c.Number, c.NameEn, c.NameHi, c.Reservation, c.ParentId, null, null, null, null))
            .ToList();
    }

    /// <summary>
    /// One page of the seats whose number is <paramref name="query"/> or whose name (English or Hindi) contains it. A
    /// state has at most a few hundred seats of a kind, so they are read whole and filtered here.
    /// </summary>
    public async Task<(List<ConstituencyRow> Rows, int Total)> PageAsync(ConstituencyKind kind, string? query, int page, int pageSize, CancellationToken ct = default)
    {
        var q = query?.Trim();
        var rows = await RunAsync(kind, ct);
        if (q is { Length: > 0 })
            rows = int.TryParse(q, out var number)
                ? rows.Where(r => r.Number == number).ToList()
                : rows.Where(r => r.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase) || r.NameHi.Contains(q, StringComparison.Ordinal)
                    || (r.PersonEn?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false) || (r.PersonHi?.Contains(q, StringComparison.Ordinal) ?? false)).ToList();
        return (rows.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToList(), rows.Count);
    }

    /// <summary>A seat's reservation in words, as a reader says it: GEN, SC and ST are the Election Commission's codes.</summary>
    public static string ReservationName(string code) => code.ToUpperInvariant() switch
    {
        "GEN" or "" => T("General seat"),
        "SC" => T("Reserved for Scheduled Castes"),
        "ST" => T("Reserved for Scheduled Tribes"),
        _ => code,
    };
}
