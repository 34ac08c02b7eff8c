using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Import;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Geography;

/// <param name="Created">Constituencies new to the database.</param>
/// <param name="Ties">Ties made between constituencies and party units (districts, blocks) found in the tree.</param>
/// <param name="Notes">What was done in a way worth knowing (names without Hindi, districts not in the tree yet).</param>
public sealed record ConstituencyLoad(bool Saved, int Assembly, int Parliamentary, int Created, int Updated, int Ties, int Members,
    IReadOnlyList<LoadProblem> Problems, IReadOnlyList<LoadProblem> Notes);

/// <summary>
/// Loads the official list of constituencies (see <see cref="ConstituencyFile"/>) as one change: every row right, or
/// nothing saved and every problem listed by row. A seat already on record (by kind and number) is updated; its ties to
/// the party's districts and blocks are made anew from the file where those units are in the tree. A member named in
/// the file, of whatever party, becomes the seat's sitting member (the one before closed the day before), as
/// <see cref="SeatRepresentative"/> does. Loading the same file twice changes nothing the second time.
/// </summary>
public sealed class LoadConstituencies(AppDb db, AuditLog audit, TimeProvider clock, IOptions<ImportOptions> limits)
{
    public async Task<ConstituencyLoad> RunAsync(byte[] file, CancellationToken ct = default)
    {
        List<SeatRow> seats;
        List<LoadProblem> problems;
        try
        {
            (seats, problems) = ConstituencyFile.Read(TableReader.Read(file, limits.Value).ToList());
        }
        catch (ImportFileException e)
        {
            return new(false, 0, 0, 0, 0, 0, 0, [new LoadProblem(0, e.Message, e.Args)], []);
        }
        var pcs = Parliamentary(seats, problems);
        var acs = seats.Where(s => s.Kind == ConstituencyKind.Assembly).ToList();
        if (problems.Count > 0) return new(false, acs.Count, pcs.Count, 0, 0, 0, 0, problems, []);

        var notes = new List<LoadProblem>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var known = await db.Constituencies.ToListAsync(ct);
        int created = 0, updated = 0;
        Constituency Upsert(SeatRow seat, int? parentId)
        {
            var c = known.FirstOrDefault(k => k.Kind == seat.Kind && k.Number == seat.Number);
            if (c is null)
            {
                known.Add(c = new Constituency { Kind = seat.Kind, Number = seat.Number, NameEn = seat.NameEn, NameHi = seat.NameEn });
                db.Constituencies.Add(c);
                created++;
            }
            // A file without Hindi names keeps a Hindi name on record; a new seat shows its English name until one is given.
            var before = (c.NameEn, c.NameHi, c.Reservation, c.District, c.ParentId);
            c.NameEn = seat.NameEn;
            c.NameHi = seat.NameHi ?? (c.NameHi.Length > 0 ? c.NameHi : seat.NameEn);
            c.Reservation = seat.Reservation;
            c.District = seat.District ?? c.District;
            c.ParentId = parentId ?? c.ParentId;
            if (c.Id != 0 && before != (c.NameEn, c.NameHi, c.Reservation, c.District, c.ParentId)) updated++;
            return c;
        }
        var pcByNumber = pcs.ToDictionary(p => p.Number, p => Upsert(p, null));
        await db.SaveChangesAsync(ct);
        var saved = pcs.Concat(acs).Select(s => (Seat: s, Record: s.Kind == ConstituencyKind.Parliamentary ? pcByNumber[s.Number]
            : Upsert(s, s.ParentNumber is { } p ? pcByNumber[p].Id : null))).ToList();
        await db.SaveChangesAsync(ct);
        if (acs.Count(a => a.NameHi is null) is > 0 and var noHindi)
            notes.Add(new(0, "{0} constituencies have no Hindi name in the file: the one on record, or the English name, is shown.", noHindi.ToString()));

        var ties = await TieAsync(saved, notes, ct);
        var members = 0;
        foreach (var (seat, record) in saved.Where(s => s.Seat.Member is not null))
            if (await SeatAsync(record, seat.Member!, today, notes, seat.Row, ct)) members++;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditDraft("constituencies-loaded", nameof(Constituency), null,
            After: JsonSerializer.Serialize(new { assembly = acs.Count, parliamentary = pcs.Count, created, updated, ties, members })), ct);
        await tx.CommitAsync(ct);
        return new(true, acs.Count, pcs.Count, created, updated, ties, members, [], notes);
    }

    /// <summary>The parliamentary seats: rows of their own, and those the assembly rows name (the same number, the same name).</summary>
    static List<SeatRow> Parliamentary(List<SeatRow> seats, List<LoadProblem> problems)
    {
        var own = seats.Where(s => s.Kind == ConstituencyKind.Parliamentary).ToList();
        var named = seats.Where(s => s.Kind == ConstituencyKind.Assembly && s.ParentNumber is not null).GroupBy(s => s.ParentNumber!.Value);
        foreach (var group in named)
        {
            var names = group.Select(s => s.ParentEn).Where(n => n is not null).Distinct().ToList();
            if (names.Count > 1) problems.Add(new(group.First().Row, "Parliamentary constituency {0} has two names in the file.", group.Key.ToString()));
            if (own.Any(p => p.Number == group.Key)) continue;
            var first = group.First();
            own.Add(new SeatRow(first.Row, ConstituencyKind.Parliamentary, group.Key, names.FirstOrDefault() ?? $"PC {group.Key}",
                group.Select(s => s.ParentHi).FirstOrDefault(n => n is not null), first.ParentReservation ?? "GEN", null, null, null, null, null, [], null));
        }
        return own;
    }

    /// <summary>Each assembly seat to its district and blocks, each parliamentary seat to its seats' districts, where those units exist.</summary>
    async Task<int> TieAsync(List<(SeatRow Seat, Constituency Record)> saved, List<LoadProblem> notes, CancellationToken ct)
    {
        var districts = await db.Units.AsNoTracking().Where(u => u.Depth == 1).Select(u => new { u.Id, u.Code, u.NameEn, u.NameHi, u.Path }).ToListAsync(ct);
        var ids = saved.Select(s => s.Record.Id).ToList();
        await db.ConstituencyUnits.Where(cu => ids.Contains(cu.ConstituencyId)).ExecuteDeleteAsync(ct);
        var ties = new HashSet<(int, int)>();
        var missing = new HashSet<string>();
        foreach (var (seat, record) in saved.Where(s => s.Seat.Kind == ConstituencyKind.Assembly))
        {
            if (seat.District is not { } written) continue;
            var key = Names.Key(written);
            var district = districts.FirstOrDefault(d => string.Equals(d.Code, written, StringComparison.OrdinalIgnoreCase)
                || d.Code.EndsWith("-" + written, StringComparison.OrdinalIgnoreCase) || Names.Key(d.NameEn) == key || Names.Key(d.NameHi) == key);
            if (district is null) { missing.Add(written); continue; }
            ties.Add((record.Id, district.Id));
            if (record.ParentId is { } pc) ties.Add((pc, district.Id));
            foreach (var block in seat.Blocks)
            {
                var blockKey = Names.Key(block);
                var found = await db.Units.AsNoTracking().Where(u => u.ParentId == district.Id && (u.Code == block.ToUpperInvariant()
                        || u.NameKey == PersonRules.KeyOf(block) || u.NameHi == block)).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
                if (found is { } b) ties.Add((record.Id, b));
                else missing.Add($"{written}/{block}");
            }
        }
        db.ConstituencyUnits.AddRange(ties.Select(t => new ConstituencyUnit { ConstituencyId = t.Item1, UnitId = t.Item2 }));
        if (missing.Count > 0)
            notes.Add(new(0, "Not in the tree yet, so not tied to their constituencies ({0}): {1}. Load the file again once they are.",
                missing.Count.ToString(), string.Join(", ", missing.Order().Take(10))));
        return ties.Count;
    }

    /// <summary>The file's member becomes the sitting one; the same person again changes only their party.</summary>
    async Task<bool> SeatAsync(Constituency seat, MemberRow member, DateOnly today, List<LoadProblem> notes, int row, CancellationToken ct)
    {
        var from = member.From ?? today;
        var sitting = await db.Representatives.Where(r => r.ConstituencyId == seat.Id && r.Until == null).ToListAsync(ct);
        var personId = member.Mobile is { } m ? await db.People.Where(p => p.Mobile == m).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) : null;
        var nameKey = PersonRules.KeyOf(member.NameEn);
        personId ??= await db.People.Where(p => p.NameKey == nameKey && sitting.Select(s => s.PersonId).Contains(p.Id))
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (personId is { } id && sitting.FirstOrDefault(s => s.PersonId == id) is { } same)
        {
            same.Party = member.Party ?? same.Party;
            return true;
        }
        if (sitting.Any(s => s.From >= from))
        {
            notes.Add(new(row, "The member's term must start after the sitting member's began: the seat was left as it was."));
            return false;
        }
        if (personId is null)
        {
            var person = new Person { NameEn = member.NameEn, NameHi = member.NameHi ?? member.NameEn, NameKey = nameKey, Mobile = member.Mobile };
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            personId = person.Id;
        }
        foreach (var s in sitting) s.Until = from.AddDays(-1);
        db.Representatives.Add(new Representative { ConstituencyId = seat.Id, PersonId = personId.Value, From = from, Party = member.Party });
        return true;
    }
}
