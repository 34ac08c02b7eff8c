using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Moves a unit (a booth to another mandal, say), with everything under it, from a day: its members' counts leave
/// the old parents and join the new, its seats likewise; where it stood before is kept.
/// </summary>
public sealed class MoveUnit(AppDb db, Door door, RecutWork work, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int unitId, MoveInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return Outcome.Denied();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Outcome.Missing();
        var errors = new List<FieldError>();
        var on = RecutRules.Day(input.On, clock, errors);
        var reason = RecutRules.Reason(input.Reason, errors);
        RecutRules.Part(input.PartNumber, "PartNumber", errors);
        var parent = input.ParentId is { } p ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == p, ct) : null;
        var oldParent = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unit.ParentId, ct);
        if (parent is null) errors.Add(new("ParentId", T("That parent unit does not exist.")));
        else if (oldParent is null || parent.LevelId != oldParent.LevelId)
            errors.Add(new("ParentId", T("A unit can only move under a unit of the same level as its present parent.")));
        else if (Subtree.Holds(unit.Path, parent.Path)) errors.Add(new("ParentId", T("A unit cannot be moved under itself or a unit below it.")));
        else if (parent.Id == unit.ParentId && (input.PartNumber is null || input.PartNumber == unit.PartNumber))
            errors.Add(new("ParentId", T("Nothing would change.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work.BeginAsync(RecutKind.Move, on, reason, ct);
        await work.ChangeUnitAsync(unit, ct);
        var oldPath = unit.Path;
        var newPath = UnitRules.PathOf(parent!.Path, unit.Id);
        unit.ParentId = parent.Id;
        unit.PartNumber = input.PartNumber ?? unit.PartNumber;
        await db.SaveChangesAsync(ct);
        if (oldPath != newPath)
        {
            await TallyShift.UnitAsync(db, unit.Id, oldPath, newPath, ct);
            await UnitMove.RewriteAsync(db, oldPath, newPath, ct);
            await db.Entry(unit).ReloadAsync(ct);
        }
        work.Touch(unit.Id, oldParent!.Id, parent.Id);
        await work.FinishAsync($"{unit.Code}: {oldParent.Code} → {parent.Code}", ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(work.Id);
    }
}
