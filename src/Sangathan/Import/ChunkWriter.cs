using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Import;

/// <summary>
/// Saves what a chunk of planned rows creates and changes, in the caller's transaction: units level by level
/// (a parent needs its id before its children), then people, then appointments, then the counters. New rows go
/// past EF's change tracker, a statement a table and level (its bookkeeping cost more than the rows: 30 of a
/// 54,000-row file's 60 s), with their ids taken beforehand and each one's "create" entry written as the audit
/// interceptor would; changes to rows already saved go through EF, so the interceptor records their before and after.
/// </summary>
internal static class ChunkWriter
{
    public static async Task WriteAsync(AppDb db, IAuditActor actor, TimeProvider clock, ImportTree tree, IReadOnlyList<RowPlan> plans,
        IReadOnlyList<(object Entity, string Property, object? Before, object? After)> changes, CancellationToken ct)
    {
        var newUnits = Unsaved(plans, tree);
        var people = plans.Where(p => p.NewPerson).Select(p => p.Person!).Distinct().ToList();
        // What this chunk creates is inserted with its values as they are, later rows' changes to it included.
        var created = new HashSet<object>(newUnits.Select(n => (object)n.Unit).Concat(people), ReferenceEqualityComparer.Instance);
        var drafts = new List<AuditDraft>();
        CountNew(newUnits, plans, tree);

        foreach (var depth in newUnits.GroupBy(n => n.Unit.Depth).OrderBy(g => g.Key))
        {
            var units = depth.Select(d => d.Unit).ToList();
            var ids = await Sql.NextIdsAsync(db, "Units", units.Count, ct);
            var i = 0;
            foreach (var (unit, parent) in depth)
            {
                unit.Id = ids[i++];
                unit.ParentId = parent.Id;
                unit.Path = UnitRules.PathOf(parent.Path, unit.Id);
                unit.RegionId = UnitRules.RegionOn(unit.Path);
                tree.Saved(unit);
            }
            await InsertAsync(db, units, drafts, ct, idsTaken: true);
        }

        foreach (var (entity, property, before, after) in changes)
        {
            if (created.Contains(entity)) continue;
            var entry = db.Entry(entity);
            if (entry.State == EntityState.Detached) entry.State = EntityState.Unchanged;
            var field = entry.Property(property);
            field.OriginalValue = before;
            field.CurrentValue = after;
            field.IsModified = true;
        }
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);

        await InsertAsync(db, people, drafts, ct);
        await Search.NameIndex.PeopleAsync(db, people.Select(p => (p.Id, p.NameEn, p.NameHi)).ToList(), replace: false, ct);
        var appointments = plans.Where(p => p.NewAppointment)
            .Select(p => new Appointment { UnitId = p.Unit!.Id, PostId = p.Post!.Id, PersonId = p.Person!.Id, From = p.From }).ToList();
        await InsertAsync(db, appointments, drafts, ct);
        await AuditWriter.AppendAsync(db, actor, clock, drafts, ct);

        // New units came with their counters; what is recounted is the saved units they joined or that gained a holder.
        var fresh = newUnits.Select(n => n.Unit.Id).ToHashSet();
        // (An import never changes a saved person's mobile or photo, which would move their units' counts too.)
        var touched = newUnits.Select(n => n.Parent.Id).Concat(appointments.Select(a => a.UnitId))
            .Where(id => !fresh.Contains(id)).Distinct().ToList();
        await UnitTally.RecountAsync(db, touched, ct);
    }

    /// <summary>
    /// The units the rows stand in that are not saved yet, each with its parent, shallowest first: those the rows
    /// create, and those a row that was then rejected (for its person, say) named first, in this chunk or before,
    /// whose children in valid rows still need them.
    /// </summary>
    static List<(Unit Unit, Unit Parent)> Unsaved(IReadOnlyList<RowPlan> plans, ImportTree tree)
    {
        var seen = new HashSet<Unit>();
        var unsaved = new List<(Unit Unit, Unit Parent)>();
        foreach (var plan in plans)
            for (var unit = plan.Unit; unit is { Id: 0 } && seen.Add(unit); unit = tree.ParentOf(unit))
                unsaved.Add((unit, tree.ParentOf(unit)!));
        return [.. unsaved.OrderBy(n => n.Unit.Depth)];
    }

    /// <summary>
    /// New units' counters, as <see cref="UnitTally"/> would count them, set before they are inserted: all a new unit
    /// holds is in this chunk. Recounting them after instead rewrote each new booth twice, through every index of Units.
    /// </summary>
    static void CountNew(List<(Unit Unit, Unit Parent)> newUnits, IReadOnlyList<RowPlan> plans, ImportTree tree)
    {
        var held = plans.Where(p => p.NewAppointment).ToLookup(p => p.Unit!);
        foreach (var (unit, _) in newUnits)
        {
            var mine = held[unit].ToList();
            var holders = mine.Select(p => p.Person!).Distinct().ToList();
            unit.Seats = tree.PostsByLevel[unit.LevelId].Sum(p => p.Seats);
            unit.SeatsFilled = mine.GroupBy(p => p.Post!.Id).Sum(g => Math.Min(g.Count(), g.First().Post!.Seats));
            unit.HoldersWithoutPhoto = holders.Count(p => p.PhotoId is null);
            unit.HoldersWithoutMobile = holders.Count(p => p.Mobile is null);
            unit.SubtreeSeats = unit.Seats;
            unit.SubtreeFilled = unit.SeatsFilled;
        }
        var created = newUnits.Select(n => n.Unit).ToHashSet();
        foreach (var (unit, parent) in newUnits.OrderByDescending(n => n.Unit.Depth))
        {
            if (!created.Contains(parent)) continue;
            parent.SubtreeSeats += unit.SubtreeSeats;
            parent.SubtreeFilled += unit.SubtreeFilled;
        }
    }

    static async Task InsertAsync<T>(AppDb db, List<T> rows, List<AuditDraft> drafts, CancellationToken ct, bool idsTaken = false) where T : class
    {
        if (idsTaken) await Sql.InsertEntitiesAsync(db, rows, ct);
        else await Sql.InsertNewAsync(db, rows, ct);
        var type = db.Model.FindEntityType(typeof(T))!;
        drafts.AddRange(rows.Select(r => ChangeCapture.Created(type, r)));
    }
}
