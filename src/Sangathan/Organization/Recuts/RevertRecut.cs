using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Undoes a re-cut as one decision, as if it had not been made: members go back, appointments it began are removed and
/// those it ended stand again, grants go back, units it made end (as never having been) and those it ended stand again,
/// units it changed take back their places and names. Only while nothing since depends on it: no later re-cut touched
/// the same units, and what it did is still as it left it. The decision stays on record, marked undone, with why.
/// </summary>
public sealed class RevertRecut(AppDb db, Door door, IAuditActor actor, TimeProvider clock, GrantsFollowPosts grants)
{
    public async Task<Outcome> RunAsync(int recutId, RevertInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return Outcome.Denied();
        var errors = new List<FieldError>();
        var reason = RecutRules.Reason(input.Reason, errors);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var recut = await db.Recuts.FirstOrDefaultAsync(r => r.Id == recutId, ct);
        if (recut is null) return Outcome.Missing();
        if (recut.RevertedAt is not null) errors.Add(new("", T("This re-cut has already been undone.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var touched = await TouchedAsync(recutId, ct);
        foreach (var later in await db.Recuts.Where(r => r.Id > recutId && r.RevertedAt == null).Select(r => r.Id).ToListAsync(ct))
            if ((await TouchedAsync(later, ct)).Overlaps(touched))
                return Fail(T("A later re-cut (no. {0}) changed the same units: undo that one first.", later));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var people = new HashSet<int>();
        if (await MembersBackAsync(recutId, ct) is { } membersConflict) return Fail(membersConflict);
        var steps = await db.RecutSteps.Where(s => s.RecutId == recutId).OrderByDescending(s => s.Id).ToListAsync(ct);
        foreach (var step in steps)
            if (await UndoAsync(recut, step, people, ct) is { } conflict) return Fail(conflict);
        recut.RevertedAt = clock.GetUtcNow().UtcDateTime;
        recut.RevertedBy = actor.Label;
        recut.RevertReason = reason;
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountAsync(db, touched, ct);
        foreach (var person in people) await grants.AfterPostsChangedAsync(person, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(recutId);
    }

    static Outcome Fail(string message) => Outcome.Fail(new FieldError("", message)) with { Conflict = true };

    async Task<string?> MembersBackAsync(int recutId, CancellationToken ct)
    {
        var moves = await db.MemberMoves.Where(m => m.RecutId == recutId).ToListAsync(ct);
        var moved = new List<MemberMoved>();
        foreach (var chunk in moves.Chunk(500))
        {
            var ids = chunk.Select(m => m.MemberId).ToList();
            var members = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            foreach (var move in chunk)
            {
                var m = members[move.MemberId];
                if (m.BoothId != move.ToBoothId) return T("A member it moved has been moved again since: it cannot be undone.");
                m.BoothId = move.FromBoothId;
                moved.Add(new MemberMoved(move.ToBoothId, move.FromBoothId, m));
            }
        }
        db.MemberMoves.RemoveRange(moves);
        await db.SaveChangesAsync(ct);
        await TallyShift.MembersAsync(db, moved, ct);
        return null;
    }

    async Task<string?> UndoAsync(Recut recut, RecutStep step, HashSet<int> people, CancellationToken ct)
    {
        const string changed = "What it did has been changed since: it cannot be undone.";
        switch (step.Kind)
        {
            case RecutStepKind.AppointmentStarted:
                var begun = await db.Appointments.FirstAsync(a => a.Id == step.Target, ct);
                if (begun.Until is not null) return T(changed);
                people.Add(begun.PersonId);
                db.Appointments.Remove(begun);
                break;
            case RecutStepKind.AppointmentEnded:
                var ended = await db.Appointments.FirstAsync(a => a.Id == step.Target, ct);
                if (ended.Until != recut.On.AddDays(-1)) return T(changed);
                people.Add(ended.PersonId);
                (ended.Until, ended.EndReason, ended.EndedAt) = (null, null, null);
                break;
            case RecutStepKind.AppointmentMoved:
                var moved = await db.Appointments.FirstAsync(a => a.Id == step.Target, ct);
                people.Add(moved.PersonId);
                moved.UnitId = (int)step.Former!.Value;
                break;
            case RecutStepKind.GrantMoved:
                var grant = await db.Grants.FirstAsync(g => g.Id == step.Target, ct);
                grant.UnitId = (int)step.Former!.Value;
                break;
            case RecutStepKind.UnitStarted:
                await db.SaveChangesAsync(ct);
                var made = await db.Units.IgnoreQueryFilters().FirstAsync(u => u.Id == step.Target, ct);
                if (await db.Members.AnyAsync(m => m.BoothId == made.Id, ct) || await db.Units.AnyAsync(u => u.ParentId == made.Id, ct)
                    || await db.Appointments.AnyAsync(a => a.UnitId == made.Id && a.Until == null, ct))
                    return T(changed);
                // It never was: it ends the day before it began.
                made.Until = (made.From ?? recut.On).AddDays(-1);
                break;
            case RecutStepKind.UnitEnded:
                var gone = await db.Units.IgnoreQueryFilters().FirstAsync(u => u.Id == step.Target, ct);
                if (await db.Units.AnyAsync(u => u.Code == gone.Code, ct)) return T("Another unit has taken the code {0} since: it cannot be undone.", gone.Code);
                gone.Until = null;
                break;
            case RecutStepKind.UnitChanged:
                await db.SaveChangesAsync(ct);
                var history = await db.UnitHistory.FirstAsync(h => h.Id == step.Former, ct);
                var unit = await db.Units.IgnoreQueryFilters().FirstAsync(u => u.Id == step.Target, ct);
                if (history.Code != unit.Code && await db.Units.AnyAsync(u => u.Code == history.Code && u.Id != unit.Id, ct))
                    return T("Another unit has taken the code {0} since: it cannot be undone.", history.Code);
                if (history.ParentId != unit.ParentId && history.ParentId is { } parentId)
                {
                    var parent = await db.Units.AsNoTracking().FirstAsync(u => u.Id == parentId, ct);
                    var newPath = UnitRules.PathOf(parent.Path, unit.Id);
                    await TallyShift.UnitAsync(db, unit.Id, unit.Path, newPath, ct);
                    await UnitMove.RewriteAsync(db, unit.Path, newPath, ct);
                    await db.Entry(unit).ReloadAsync(ct);
                }
                (unit.ParentId, unit.Code, unit.NameEn, unit.NameHi, unit.PartNumber, unit.AssemblyConstituencyId) =
                    (history.ParentId, history.Code, history.NameEn, history.NameHi, history.PartNumber, history.AssemblyConstituencyId);
                unit.NameKey = People.PersonRules.KeyOf(unit.NameEn);
                db.UnitHistory.Remove(history);
                break;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Every unit a re-cut changed or moved something to or from.</summary>
    public async Task<HashSet<int>> TouchedAsync(int recutId, CancellationToken ct)
    {
        var units = new HashSet<int>();
        var steps = await db.RecutSteps.AsNoTracking().Where(s => s.RecutId == recutId).ToListAsync(ct);
        foreach (var s in steps.Where(s => s.Kind is RecutStepKind.UnitStarted or RecutStepKind.UnitEnded or RecutStepKind.UnitChanged))
            units.Add((int)s.Target);
        foreach (var s in steps.Where(s => s.Kind is RecutStepKind.AppointmentMoved or RecutStepKind.GrantMoved)) units.Add((int)s.Former!.Value);
        // A unit moved: the parents it left and joined.
        var changed = steps.Where(s => s.Kind == RecutStepKind.UnitChanged).ToList();
        var histories = changed.Select(s => s.Former!.Value).ToList();
        var targets = changed.Select(s => (int)s.Target).ToList();
        units.UnionWith((await db.UnitHistory.Where(h => histories.Contains(h.Id)).Select(h => h.ParentId).ToListAsync(ct)).OfType<int>());
        units.UnionWith((await db.Units.IgnoreQueryFilters().Where(u => targets.Contains(u.Id)).Select(u => u.ParentId).ToListAsync(ct)).OfType<int>());
        var appointments = steps.Where(s => s.Kind is RecutStepKind.AppointmentStarted or RecutStepKind.AppointmentEnded or RecutStepKind.AppointmentMoved)
            .Select(s => (int)s.Target).ToList();
        units.UnionWith(await db.Appointments.Where(a => appointments.Contains(a.Id)).Select(a => a.UnitId).ToListAsync(ct));
        units.UnionWith(await db.MemberMoves.Where(m => m.RecutId == recutId).Select(m => m.FromBoothId).Distinct().ToListAsync(ct));
        units.UnionWith(await db.MemberMoves.Where(m => m.RecutId == recutId).Select(m => m.ToBoothId).Distinct().ToListAsync(ct));
        return units;
    }
}
