using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Import;

/// <summary>
/// Saves what a chunk of planned rows creates and changes, in the caller's transaction: units level by level
/// (a parent needs its id before its children), then people, then appointments, then the counters. Every
/// change goes through EF, so the audit log records each one with its before and after.
/// </summary>
internal static class ChunkWriter
{
    public static async Task WriteAsync(AppDb db, ImportTree tree, IReadOnlyList<RowPlan> plans,
        IReadOnlyList<(object Entity, string Property, object? Before, object? After)> changes, CancellationToken ct)
    {
        var newUnits = plans.SelectMany(p => p.NewUnits).ToList();
        foreach (var depth in newUnits.GroupBy(n => n.Unit.Depth).OrderBy(g => g.Key))
        {
            foreach (var (unit, parent) in depth)
            {
                unit.ParentId = parent.Id;
                db.Units.Add(unit);
            }
            await db.SaveChangesAsync(ct);
            foreach (var (unit, parent) in depth)
            {
                // Set as if loaded so, or EF would send an UPDATE a unit: one statement below writes them all.
                var entry = db.Entry(unit);
                entry.Property(u => u.Path).CurrentValue = entry.Property(u => u.Path).OriginalValue = UnitRules.PathOf(parent.Path, unit.Id);
                entry.Property(u => u.RegionId).CurrentValue = entry.Property(u => u.RegionId).OriginalValue = UnitRules.RegionOn(unit.Path);
                tree.Saved(unit);
            }
            var saved = depth.Select(d => d.Unit).ToList();
            await Sql.SetByIdAsync(db, "Units", saved.Select(u => u.Id).ToArray(), ct,
                (nameof(Organization.Unit.Path), saved.Select(u => u.Path).ToArray()), (nameof(Organization.Unit.RegionId), saved.Select(u => u.RegionId).ToArray()));
        }

        foreach (var (entity, property, before, after) in changes)
        {
            // One made by this very chunk is inserted with its values as they are.
            if (entity is Organization.Unit { Id: 0 } or People.Person { Id: 0 }) continue;
            var entry = db.Entry(entity);
            if (entry.State == EntityState.Detached) entry.State = EntityState.Unchanged;
            var field = entry.Property(property);
            field.OriginalValue = before;
            field.CurrentValue = after;
            field.IsModified = true;
        }

        var people = plans.Where(p => p.NewPerson).Select(p => p.Person!).Distinct().ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);

        var appointments = plans.Where(p => p.NewAppointment)
            .Select(p => new Appointment { UnitId = p.Unit!.Id, PostId = p.Post!.Id, PersonId = p.Person!.Id, From = p.From }).ToList();
        db.Appointments.AddRange(appointments);
        await db.SaveChangesAsync(ct);

        var touched = newUnits.Select(n => n.Unit.Id).Concat(appointments.Select(a => a.UnitId)).Distinct().ToList();
        await UnitTally.RecountAsync(db, touched, ct);
    }
}
