using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

public sealed record UnitInput(int? ParentId, string? Code, string? NameEn, string? NameHi,
    int? AssemblyConstituencyId = null, int? PartNumber = null);

/// <summary>
/// Creates a unit under a parent, or edits one, moving it (with all it holds) when the parent changes.
/// A unit's level is always the one below its parent's, so the tree keeps its shape after any move.
/// </summary>
public sealed class SaveUnit(AppDb db, Door door, TimeProvider clock)
{
    public Task<Outcome> CreateAsync(UnitInput input, CancellationToken ct = default) => SaveAsync(null, input, ct);

    public Task<Outcome> UpdateAsync(int id, UnitInput input, CancellationToken ct = default) => SaveAsync(id, input, ct);

    async Task<Outcome> SaveAsync(int? id, UnitInput input, CancellationToken ct)
    {
        var code = PersonRules.Clean(input.Code).ToUpperInvariant();
        var nameEn = PersonRules.Clean(input.NameEn);
        var nameHi = PersonRules.Clean(input.NameHi);
        var errors = new List<FieldError>();
        Required(errors, "Code", code, UnitRules.MaxCode);
        Required(errors, "NameEn", nameEn, UnitRules.MaxName);
        Required(errors, "NameHi", nameHi, UnitRules.MaxName);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add(new("Code", T("A code may hold only letters A-Z, digits, '-' and '_'.")));
        if (input.PartNumber is < 1 or > 9999)
            errors.Add(new("PartNumber", T("The part number must be between 1 and 9999.")));

        Unit? unit = null;
        if (id is { } existingId)
        {
            var opened = await door.UnitAsync(existingId, Operations.Edit, ct);
            if (opened.Refused) return opened.Refusal;
            unit = await db.Units.FirstAsync(u => u.Id == existingId, ct);
        }
        if (input.ParentId is null && unit is null && !(await door.CallerAsync(ct)).EditsAll) return Outcome.Denied();

        Unit? parent = null;
        if (input.ParentId is { } parentId)
        {
            // Editing a unit in place needs no rights over its parent: a booth's president edits the booth.
            var staysPut = unit is not null && unit.ParentId == parentId;
            var opened = staysPut ? null : await door.UnitAsync(parentId, Operations.Edit, ct) as Opened<UnitResource>?;
            if (opened is { Refused: true, Missing: false }) return Outcome.Denied();
            if (opened is not { Missing: true }) parent = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null) errors.Add(new("ParentId", T("That parent unit does not exist.")));
        }
        else if (unit?.ParentId is not null || (unit is null && await db.Units.AnyAsync(ct)))
        {
            // Only the very first unit (the state) stands without a parent.
            errors.Add(new("ParentId", T("Choose the unit this one belongs under.")));
        }
        if (parent is not null && unit is not null && Subtree.Holds(unit.Path, parent.Path))
            errors.Add(new("ParentId", T("A unit cannot be moved under itself or a unit below it.")));

        var level = parent is null && unit is null
            ? await db.Levels.AsNoTracking().FirstOrDefaultAsync(l => l.Depth == 0, ct)
            : null;
        if (parent is not null)
        {
            level = await db.Levels.AsNoTracking().FirstOrDefaultAsync(l => l.Depth == parent.Depth + 1, ct);
            if (level is null) errors.Add(new("ParentId", T("Units of the lowest level cannot have units under them.")));
            else if (unit is not null && unit.LevelId != level.Id)
                errors.Add(new("ParentId", T("A unit can only move under a unit of the same level as its present parent.")));
        }
        if (input.AssemblyConstituencyId is { } ac && !await db.Constituencies.AnyAsync(c => c.Id == ac, ct))
            errors.Add(new("AssemblyConstituencyId", T("That constituency does not exist.")));
        if (code.Length > 0 && await db.Units.AnyAsync(u => u.Code == code && u.Id != (id ?? 0), ct))
            errors.Add(new("Code", T("Another unit already has the code {0}.", code)));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // How it stood until yesterday, kept if this changes where it sits or what it is called (the tree as of a date).
        var before = unit is null ? null : UnitHistory.Of(unit, DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(-1), null);
        if (unit is null)
        {
            unit = new Unit { Code = code, NameEn = nameEn, NameHi = nameHi, LevelId = level!.Id, ParentId = parent?.Id, Depth = level.Depth };
            db.Units.Add(unit);
        }
        unit.ParentId = parent?.Id;
        unit.Code = code;
        unit.NameEn = nameEn;
        unit.NameHi = nameHi;
        unit.NameKey = PersonRules.KeyOf(nameEn);
        unit.AssemblyConstituencyId = input.AssemblyConstituencyId;
        unit.PartNumber = input.PartNumber;
        if (before is not null && !before.SameAs(unit)) db.UnitHistory.Add(before);
        await db.SaveChangesAsync(ct);

        var oldPath = unit.Path;
        var newPath = UnitRules.PathOf(parent?.Path ?? "/", unit.Id);
        if (oldPath != newPath)
        {
            await Move(unit, oldPath, newPath, ct);
        }
        var touched = new List<int> { unit.Id };
        if (oldPath != "/" && oldPath != newPath) touched.AddRange(UnitRules.IdsOn(oldPath)[..^1]);
        await UnitTally.RecountAsync(db, touched, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(unit.Id);
    }

    /// <summary>Rewrites the path and region of the unit and everything under it in one statement.</summary>
    async Task Move(Unit unit, string oldPath, string newPath, CancellationToken ct)
    {
        var region = UnitRules.RegionOn(newPath);
        if (oldPath == "/")
        {
            unit.Path = newPath;
            unit.RegionId = region;
            await db.SaveChangesAsync(ct);
            return;
        }
        // Its members' counts leave the old parents and join the new ones.
        await Membership.TallyShift.UnitAsync(db, unit.Id, oldPath, newPath, ct);
        await UnitMove.RewriteAsync(db, oldPath, newPath, ct);
        await db.Entry(unit).ReloadAsync(ct);
    }

    static void Required(List<FieldError> errors, string field, string value, int max)
    {
        if (value.Length == 0) errors.Add(new(field, T("This field is required.")));
        else if (value.Length > max) errors.Add(new(field, T("This is too long: at most {0} characters.", max)));
    }
}
