using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>
/// The one door to the data. A use case opens the record it works on for an operation (one call instead of "load;
/// not readable: 404; not allowed: 403"), asks whether a flag it shows is allowed, or takes the caller's
/// <see cref="Reach"/> for lists. The decisions are the authorization handlers', asked through ASP.NET Core's
/// <see cref="IAuthorizationService"/>.
/// </summary>
public sealed class Door(AppDb db, Jurisdiction jurisdiction, IAuthorizationService authorization)
{
    Access? fixedAccess;

    /// <summary>The same door for background work done for someone who is not the caller of a request (an import's uploader).</summary>
    public Door For(Access access) => new(db, jurisdiction, authorization) { fixedAccess = access };

    public async Task<Access> CallerAsync(CancellationToken ct = default) => fixedAccess ?? await jurisdiction.GetAsync(ct);

    /// <summary>The signed-in person from the session alone, with no query: for hot paths that need who calls, not where they reach.</summary>
    public int? PersonId => fixedAccess is { } access ? access.PersonId : jurisdiction.PersonId;

    /// <summary>What the caller may list, as queries.</summary>
    public async Task<Reach> ReachAsync(CancellationToken ct = default) => new(db, await CallerAsync(ct));

    public async Task<bool> AllowsAsync(object resource, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        (await authorization.AuthorizeAsync(new AccessPrincipal(await CallerAsync(ct)), resource, operation)).Succeeded;

    /// <summary>Lets the caller in to a record already loaded, for an operation; a null record is missing.</summary>
    public async Task<Opened<T>> OpenAsync<T>(T? resource, OperationAuthorizationRequirement operation, CancellationToken ct = default)
        where T : class
    {
        if (resource is null || !await AllowsAsync(resource, Operations.Read, ct)) return new(null, true);
        if (operation != Operations.Read && !await AllowsAsync(resource, operation, ct)) return new(null, false);
        return new(resource, false);
    }

    public async Task<Opened<UnitResource>> UnitAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        await OpenAsync(await db.Units.Where(u => u.Id == id).Select(u => new UnitResource(u.Id, u.Path)).FirstOrDefaultAsync(ct), operation, ct);

    public async Task<Opened<PersonResource>> PersonAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        await OpenAsync(await PersonOfAsync(id, ct), operation, ct);

    /// <summary>A person with the units of their posts and worker records, or null when there is none.</summary>
    public async Task<PersonResource?> PersonOfAsync(int id, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == id, ct)) return null;
        var posts = await db.Appointments.Where(a => a.PersonId == id)
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { Current = a.Until == null, u.Path }).ToListAsync(ct);
        var work = await db.Workers.Where(w => w.PersonId == id).Join(db.Units, w => w.UnitId, u => u.Id, (w, u) => u.Path).ToListAsync(ct);
        return new PersonResource(id, posts.Where(p => p.Current).Select(p => p.Path).ToList(),
            posts.Where(p => !p.Current).Select(p => p.Path).ToList(), work);
    }

    public async Task<Opened<MemberResource>> MemberAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        await OpenAsync(await db.Members.Where(m => m.Id == id).Join(db.Units, m => m.BoothId, u => u.Id,
            (m, u) => new MemberResource(m.Id, u.Path, m.EnrolledById)).FirstOrDefaultAsync(ct), operation, ct);

    public async Task<Opened<BroadcastResource>> BroadcastAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        await OpenAsync(await db.Broadcasts.Where(b => b.Id == id).Join(db.Units, b => b.UnitId, u => u.Id,
            (b, u) => new BroadcastResource(b.Id, u.Path)).FirstOrDefaultAsync(ct), operation, ct);

    public async Task<Opened<MeetingResource>> MeetingAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        await OpenAsync(await db.Meetings.Where(m => m.Id == id).Join(db.Units, m => m.UnitId, u => u.Id,
            (m, u) => new MeetingResource(m.Id, u.Id, u.Path)).FirstOrDefaultAsync(ct), operation, ct);

    public async Task<Opened<GrantResource>> GrantAsync(int id, OperationAuthorizationRequirement operation, CancellationToken ct = default) =>
        await OpenAsync(await db.Grants.Where(g => g.Id == id).Join(db.Units, g => g.UnitId, u => u.Id,
            (g, u) => new GrantResource(g.Id, u.Path, g.ParentId)).FirstOrDefaultAsync(ct), operation, ct);
}
