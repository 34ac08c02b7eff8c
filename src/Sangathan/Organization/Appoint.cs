using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Puts a person in a post at a unit: an existing person by id, one described by the form, or a party member by their
/// voter ID. A new person whose mobile or voter ID is already on record is that same person, and a member appointed is
/// the person with their voter ID (made from their membership if there is none), so one person never appears twice.
/// </summary>
/// <param name="MemberVoterId">Appoint this member: the office bearer and the member are then one person.</param>
public sealed record AppointmentInput(int PostId, int? PersonId, PersonInput? NewPerson, DateOnly? From, string? MemberVoterId = null);

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

        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.PostId && p.LevelId == unit.LevelId && p.Until == null, ct);
        if (post is null) errors.Add(new("PostId", T("Choose a post of this unit's level.")));

        Person? newPerson = null;
        var personId = input.PersonId;
        if (personId is { } pid)
        {
            if (!await reach.People.AnyAsync(p => p.Id == pid, ct)) errors.Add(new("PersonId", T("That person does not exist.")));
        }
        else if (PersonRules.CleanOrNull(input.MemberVoterId) is { } written)
        {
            (personId, newPerson) = await FromMemberAsync(reach, written, errors, ct);
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
            // The same voter ID is the same person, whatever else the form says.
            if (personId is null && !match.OutOfReach && clean.VoterId is { } voter)
            {
                var byVoter = await reach.PersonByVoterIdAsync(voter, ct);
                if (byVoter.OutOfReach) errors.Add(new("VoterId", T("This voter ID is on record for someone outside your part of the organization. Ask the war room to appoint them.")));
                personId = byVoter.Id;
                match = byVoter;
            }
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
            if (newPerson.Id == 0) db.People.Add(newPerson);
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

    /// <summary>
    /// The person a member is: the one with their voter ID; else the one with their mobile (given the voter ID now, so the
    /// two are linked), unless that one has another voter ID; else a new person from the membership's details.
    /// </summary>
    async Task<(int? PersonId, Person? NewPerson)> FromMemberAsync(Reach reach, string written, List<FieldError> errors, CancellationToken ct)
    {
        var voterId = PersonRules.NormalizeVoterId(written);
        var member = voterId is null ? null : await reach.Members.AsNoTracking().Where(m => m.VoterId == voterId && m.Status != MemberStatus.Rejected)
            .OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            errors.Add(new("MemberVoterId", T("No member you can see has this voter ID.")));
            return (null, null);
        }
        var byVoter = await reach.PersonByVoterIdAsync(member.VoterId, ct);
        if (byVoter.Id is { } same) return (same, null);
        var byMobile = byVoter.OutOfReach ? PersonMatch.None : await reach.PersonByMobileAsync(member.Mobile, ct);
        if (byVoter.OutOfReach || byMobile.OutOfReach)
        {
            errors.Add(new("MemberVoterId", T("This member is on record as someone outside your part of the organization. Ask the war room to appoint them.")));
            return (null, null);
        }
        if (byMobile.Id is { } holder)
        {
            var person = await db.People.FirstAsync(p => p.Id == holder, ct);
            if (person.VoterId is not null)
            {
                errors.Add(new("MemberVoterId", T("This member's mobile belongs to someone on record with another voter ID: correct one of the two first.")));
                return (null, null);
            }
            person.VoterId = member.VoterId;
            return (holder, person);
        }
        return (null, new Person
        {
            NameEn = member.NameEn, NameHi = member.NameHi, NameKey = PersonRules.KeyOf(member.NameEn), Mobile = member.Mobile,
            Village = member.Village, PhotoId = member.PhotoId, Gender = member.Gender, VoterId = member.VoterId,
        });
    }
}
