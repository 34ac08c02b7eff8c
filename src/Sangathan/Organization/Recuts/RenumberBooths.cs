using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Gives booths new part numbers (and codes and names), from a day, as one decision: a revision renumbers a whole
/// constituency at once, codes and numbers passing from one booth to the next. How each stood before is kept.
/// </summary>
public sealed class RenumberBooths(AppDb db, Door door, RecutWork work, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(RenumberInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return Outcome.Denied();
        var errors = new List<FieldError>();
        var on = RecutRules.Day(input.On, clock, errors);
        var reason = RecutRules.Reason(input.Reason, errors);
        var wanted = input.Booths ?? [];
        if (wanted.Count is 0 or > 2000) errors.Add(new("Booths", T("Give 1 to 2000 booths to renumber.")));
        var ids = wanted.Select(w => w.BoothId).ToList();
        if (ids.Distinct().Count() != ids.Count) errors.Add(new("Booths", T("A booth is given twice.")));
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        if (units.Count != ids.Distinct().Count()) return Outcome.Missing();
        var changes = new List<(Unit Unit, int? Part, string Code, string NameEn, string NameHi)>();
        foreach (var (w, i) in wanted.Select((w, i) => (w, i)))
        {
            var u = units[w.BoothId];
            RecutRules.Part(w.PartNumber, $"Booths[{i}].PartNumber", errors);
            var code = w.Code is null ? u.Code : RecutRules.Code(w.Code, $"Booths[{i}].Code", errors);
            var nameEn = w.NameEn is null ? u.NameEn : RecutRules.Name(w.NameEn, $"Booths[{i}].NameEn", errors);
            var nameHi = w.NameHi is null ? u.NameHi : RecutRules.Name(w.NameHi, $"Booths[{i}].NameHi", errors);
            changes.Add((u, w.PartNumber ?? u.PartNumber, code, nameEn, nameHi));
        }
        await RecutRules.CodesFreeAsync(db, changes.Select(c => c.Code).ToList(), ids, errors, ct);
        changes = changes.Where(c => c.Part != c.Unit.PartNumber || c.Code != c.Unit.Code || c.NameEn != c.Unit.NameEn || c.NameHi != c.Unit.NameHi).ToList();
        if (errors.Count == 0 && changes.Count == 0) errors.Add(new("Booths", T("Nothing would change.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work.BeginAsync(RecutKind.Renumber, on, reason, ct);
        foreach (var c in changes) await work.ChangeUnitAsync(c.Unit, ct);
        // Codes may pass from one booth to another: each first takes a code nobody has, so no two hold one at any moment.
        foreach (var c in changes.Where(c => c.Code != c.Unit.Code)) c.Unit.Code = $"~{c.Unit.Id}";
        await db.SaveChangesAsync(ct);
        foreach (var c in changes)
        {
            c.Unit.PartNumber = c.Part;
            c.Unit.Code = c.Code;
            c.Unit.NameEn = c.NameEn;
            c.Unit.NameHi = c.NameHi;
            c.Unit.NameKey = People.PersonRules.KeyOf(c.NameEn);
        }
        await work.FinishAsync(string.Join(", ", changes.Select(c => $"{c.Code} ({c.Part})")), ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(work.Id);
    }
}
