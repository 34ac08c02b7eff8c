using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Puts a person in a post at a unit: an existing person by id, or one described by the form. A new
/// person whose mobile is already on record is that same person, so one person never appears twice.
/// </summary>
public sealed record AppointmentInput(int PostId, int? PersonId, PersonInput? NewPerson, DateOnly? From);

public sealed class Appoint(AppDb db, TimeProvider clock, Jurisdiction jurisdiction)
{
    public async Task<Outcome> RunAsync(int unitId, AppointmentInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        var access = await jurisdiction.GetAsync(ct);
        if (unit is null || !access.CanRead(unit.Path)) return Outcome.Missing();
        if (!access.CanEdit(unit.Path)) return Outcome.Denied();
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var from = input.From ?? today;
        if (from > today) errors.Add(new("From", T("An appointment cannot start in the future.")));

        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.PostId && p.LevelId == unit.LevelId, ct);
        if (post is null) errors.Add(new("PostId", T("Choose a post of this unit's level.")));

        Person? newPerson = null;
        var personId = input.PersonId;
        if (personId is { } pid)
        {
            if (!await PersonRead.VisibleAsync(db, access, pid, ct)) errors.Add(new("PersonId", T("That person does not exist.")));
        }
        else if (input.NewPerson is { } described)
        {
            var (clean, personErrors) = PersonValidation.Check(described, clock);
            errors.AddRange(personErrors);
            personId = clean.Mobile is { } m ? await db.People.Where(p => p.Mobile == m).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) : null;
            if (personId is null) newPerson = clean;
        }
        else
        {
            errors.Add(new("PersonId", T("Choose a person or enter the new person's details.")));
        }

        if (post is not null && errors.Count == 0)
        {
            var holders = await db.Appointments.Where(a => a.UnitId == unitId && a.PostId == post.Id && a.Until == null)
                .Select(a => a.PersonId).ToListAsync(ct);
            if (personId is { } p && holders.Contains(p))
                errors.Add(new("PostId", T("This person already holds this post here.")));
            else if (holders.Count >= post.Seats)
                errors.Add(new("PostId", T("Every seat of this post is filled: end an appointment first.")));
        }
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (newPerson is not null)
        {
            db.People.Add(newPerson);
            await db.SaveChangesAsync(ct);
            personId = newPerson.Id;
        }
        var appointment = new Appointment { UnitId = unitId, PostId = post!.Id, PersonId = personId!.Value, From = from };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountAsync(db, [unitId], ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(appointment.Id);
    }
}
