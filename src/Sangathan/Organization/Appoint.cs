using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Puts a person in a post at a unit: an existing person by id, or one described by the form. A new
/// person whose mobile is already on record is that same person, so one person never appears twice.
/// </summary>
public sealed record AppointmentInput(int PostId, int? PersonId, PersonInput? NewPerson, DateOnly? From);

public sealed class Appoint(AppDb db, TimeProvider clock, Door door, GrantsFollowPosts grants)
{
    public async Task<Outcome> RunAsync(int unitId, AppointmentInput input, CancellationToken ct = default)
    {
        var opened = await door.UnitAsync(unitId, Operations.Edit, ct);
        if (opened.Refused) return opened.Refusal;
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var reach = await door.ReachAsync(ct);
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
            if (!await reach.People.AnyAsync(p => p.Id == pid, ct)) errors.Add(new("PersonId", T("That person does not exist.")));
        }
        else if (input.NewPerson is { } described)
        {
            var (clean, personErrors) = PersonValidation.Check(described, clock);
            errors.AddRange(personErrors);
            // A mobile on record is that same person, but only among those the caller may see: appointing someone from
            // elsewhere would make their whole record readable. Refused without saying whose number it is.
            var match = clean.Mobile is { } m ? await reach.PersonByMobileAsync(m, ct) : PersonMatch.None;
            if (match.OutOfReach) errors.Add(new("Mobile", T("This mobile number is on record for someone outside your part of the organization. Ask the war room to appoint them.")));
            personId = match.Id;
            if (personId is null && !match.OutOfReach) newPerson = clean;
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
        await grants.AfterPostsChangedAsync(appointment.PersonId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(appointment.Id);
    }
}
