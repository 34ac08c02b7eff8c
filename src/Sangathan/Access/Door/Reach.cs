using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Meetings;
using Sangathan.Membership;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Access;

/// <summary>A person found by mobile or voter ID: their id when the caller may see them, or only that someone else has it.</summary>
public sealed record PersonMatch(int? Id, bool OutOfReach)
{
    public static readonly PersonMatch None = new(null, false);
}

/// <summary>
/// The caller's part of the tree as queries: every list of units, people, members, meetings, broadcasts and grants
/// starts here, so a row the caller may not see never leaves the database. The rules are <see cref="Access.Tops"/> and
/// the handlers' (<see cref="PersonAuthorization"/> ...) written as filters.
/// </summary>
public sealed class Reach(AppDb db, Access access)
{
    public Access Access => access;

    public IQueryable<Unit> Units => access.Units(db.Units, Operations.Read);

    /// <summary>The units where the caller may do <paramref name="operation"/> (edit, message, export ...).</summary>
    public IQueryable<Unit> UnitsTo(OperationAuthorizationRequirement operation) => access.Units(db.Units, operation);

    /// <summary>People the caller may see: themselves, and anyone holding or having held a post in their part of the tree,
    /// or working in it.</summary>
    public IQueryable<Person> People
    {
        get
        {
            if (access.ReadsAll) return db.People;
            var units = Units;
            return db.People.Where(p => p.Id == access.PersonId || db.Appointments.Any(a => a.PersonId == p.Id && units.Any(u => u.Id == a.UnitId))
                || db.Workers.Any(w => w.PersonId == p.Id && units.Any(u => u.Id == w.UnitId)));
        }
    }

    /// <summary>
    /// Whether a listed person's mobile and e-mail are shown in full (<see cref="Operations.SeeContacts"/>): themselves,
    /// or a current office bearer or a worker of the caller's part of the tree, for an office bearer or the war room.
    /// Anyone else's are masked.
    /// </summary>
    public Expression<Func<Person, bool>> ContactsShown
    {
        get
        {
            var me = access.PersonId;
            var units = UnitsTo(Operations.SeeContacts);
            return p => p.Id == me || db.Appointments.Any(a => a.PersonId == p.Id && a.Until == null && units.Any(u => u.Id == a.UnitId))
                || db.Workers.Any(w => w.PersonId == p.Id && units.Any(u => u.Id == w.UnitId));
        }
    }

    /// <summary>Members the caller may see: those of booths in their part of the tree, and those they enrolled themselves.</summary>
    public IQueryable<Member> Members
    {
        get
        {
            if (access.ReadsAll) return db.Members;
            var units = Units;
            var me = access.PersonId;
            return db.Members.Where(m => (me != null && m.EnrolledById == me) || units.Any(u => u.Id == m.BoothId));
        }
    }

    public IQueryable<Meeting> Meetings
    {
        get
        {
            var units = Units;
            return access.ReadsAll ? db.Meetings : db.Meetings.Where(m => units.Any(u => u.Id == m.UnitId));
        }
    }

    /// <summary>Broadcasts the caller may follow: those sent where they may message.</summary>
    public IQueryable<Broadcast> Broadcasts
    {
        get
        {
            var units = UnitsTo(Operations.Message);
            return db.Broadcasts.Where(b => units.Any(u => u.Id == b.UnitId));
        }
    }

    public IQueryable<Grant> Grants
    {
        get
        {
            var units = Units;
            return access.ReadsAll ? db.Grants : db.Grants.Where(g => units.Any(u => u.Id == g.UnitId));
        }
    }

    /// <summary>
    /// The person with this mobile (E.164), looked for among those the caller may see. Someone out of reach is only said
    /// to exist, so that the caller can be refused without being told who it is, and nothing of theirs is changed.
    /// </summary>
    public Task<PersonMatch> PersonByMobileAsync(string mobile, CancellationToken ct) => MatchAsync(p => p.Mobile == mobile, ct);

    /// <summary>The person with this voter ID (normalized), as <see cref="PersonByMobileAsync"/>.</summary>
    public Task<PersonMatch> PersonByVoterIdAsync(string voterId, CancellationToken ct) => MatchAsync(p => p.VoterId == voterId, ct);

    async Task<PersonMatch> MatchAsync(Expression<Func<Person, bool>> which, CancellationToken ct)
    {
        var id = await db.People.Where(which).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null) return PersonMatch.None;
        return await People.AnyAsync(p => p.Id == id, ct) ? new PersonMatch(id, false) : new PersonMatch(null, true);
    }
}
