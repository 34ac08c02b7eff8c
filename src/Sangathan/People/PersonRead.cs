using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.People;

/// <summary>
/// Which people a caller may see and change, in terms of the one rule (<see cref="Access.Access"/>):
/// a person is in a jurisdiction through the posts they hold or held there.
/// </summary>
public static class PersonRead
{
    public static IQueryable<Person> Visible(AppDb db, Access.Access access, IQueryable<Person> people)
    {
        if (access.ReadsAll) return people;
        var units = access.Units(db.Units);
        return people.Where(p => p.Id == access.PersonId
            || db.Appointments.Any(a => a.PersonId == p.Id && units.Any(u => u.Id == a.UnitId)));
    }

    public static Task<bool> VisibleAsync(AppDb db, Access.Access access, int personId, CancellationToken ct) =>
        Visible(db, access, db.People.Where(p => p.Id == personId)).AnyAsync(ct);

    /// <summary>
    /// Editing someone's contacts can take over their account (sign-in is by mobile), so it needs rights
    /// over every post they hold today, not just one of them.
    /// </summary>
    public static async Task<bool> EditableAsync(AppDb db, Access.Access access, int personId, CancellationToken ct)
    {
        if (access.EditsAll) return true;
        var paths = await db.Appointments.Where(a => a.PersonId == personId && a.Until == null)
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => u.Path).ToListAsync(ct);
        return paths.Count > 0 && paths.All(access.CanEdit);
    }

    /// <summary>
    /// Office bearers' contacts are shown to those in their jurisdiction, since they must reach each other;
    /// anyone else's are masked unless the reader is the person.
    /// </summary>
    public static bool ShowsContacts(Access.Access access, int personId, bool isOfficeBearer) =>
        isOfficeBearer || access.PersonId == personId;
}
