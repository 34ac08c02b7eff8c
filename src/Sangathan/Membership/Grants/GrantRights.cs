using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>Whom to authorize (by id, or by mobile number), for which unit, and optionally until when and for how many.
/// <paramref name="Name"/>: the name of someone whose mobile is not on record, who is added as a worker of the unit.</summary>
public sealed record GrantInput(int? PersonId, int? UnitId, DateTimeOffset? ExpiresAt = null, int? Quota = null, string? Mobile = null,
    string? Name = null);

/// <summary>
/// Authorizes a person to enroll members in a unit and below: the sunflower. The war room's administrators grant
/// anywhere, at the top of the tree. An office bearer grants under their narrowest grant in force that covers the unit,
/// and gives no more than they hold: a grant under theirs ends when theirs ends (no expiry means theirs), and its
/// quota is at most theirs (no quota means theirs). Quotas count each holder's own enrollments: what is granted
/// below does not draw on the granter's quota, and granting spends none of it. Anyone the granter can see may be
/// authorized, and anyone not on record yet, by mobile and name: whoever holds no post that carries the grant becomes
/// a worker of the unit (<see cref="Worker"/>), which carries it. They are told by SMS.
/// </summary>
public sealed class GrantRights(AppDb db, TimeProvider clock, Door door, EnrollmentRights rights, GrantNotices notices)
{
    public async Task<Outcome> RunAsync(GrantInput input, CancellationToken ct = default)
    {
        if (input.UnitId is not { } unitId) return Outcome.Fail(new FieldError("UnitId", T("Choose the unit the authorization is for.")));
        if (input.PersonId is null && string.IsNullOrWhiteSpace(input.Mobile))
            return Outcome.Fail(new FieldError("PersonId", T("Choose the person to authorize, by mobile number or id.")));

        var unit = await door.UnitAsync(unitId, Operations.Grant, ct);
        if (unit.Refused) return unit.Refusal;
        var path = unit.Resource!.Path;
        var access = await door.CallerAsync(ct);
        var warRoom = GrantRules.IsWarRoom(access);
        var parent = warRoom || access.PersonId is not { } me ? null : Under(GrantRules.PostCarried(access, await rights.ActiveAsync(me, ct)), path);
        // The door let a person in by a grant over the unit; the one to grant under is read again, and may have ended since.
        if (!warRoom && parent is null) return Outcome.Denied();

        var (refusal, found) = await FindPersonAsync(input, ct);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = input.ExpiresAt?.UtcDateTime ?? parent?.ExpiresAt;
        var quota = input.Quota ?? parent?.Quota;
        var errors = new List<FieldError>();
        if (found.Id is { } id && id == access.PersonId) errors.Add(new("PersonId", T("You cannot authorize yourself.")));
        if (expires <= now) errors.Add(new("ExpiresAt", T("The expiry must be in the future.")));
        else if (parent?.ExpiresAt is { } parentEnd && expires > parentEnd)
            errors.Add(new("ExpiresAt", T("Your own authorization is valid till {0}: this one cannot last longer.", GrantRules.LastDay(parentEnd, clock))));
        if (quota is < 1 or > GrantRules.MaxQuota) errors.Add(new("Quota", T("The quota must be between 1 and {0}.", GrantRules.MaxQuota)));
        else if (parent?.Quota is { } parentQuota && quota > parentQuota)
            errors.Add(new("Quota", T("Your own quota is {0}: this one cannot be larger.", parentQuota)));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Touching the parent row takes its lock until commit: a revoke of it running now either finishes first (and
        // this finds it revoked) or waits and then finds this grant among its children. No grant hangs under a revoked one.
        if (parent is not null && await db.Grants.Where(g => g.Id == parent.Id && g.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Enrolled, g => g.Enrolled), ct) == 0)
            return Outcome.Denied();
        var personId = found.Id ?? await AddPersonAsync(found.New!, ct);
        if (personId is null)
            return Outcome.Fail(new FieldError("Mobile", T("Someone was added with this mobile number just now: send the form again.")));
        if ((await rights.ActiveAsync(personId.Value, ct)).Any(g => g.UnitId == unitId))
            return Outcome.Fail(new FieldError("PersonId", T("This person already holds an authorization for this unit.")));
        // Rights go down the tree, never up or across: a post carries the grant only at the unit or above it and inside
        // the granter's unit. Anyone else works here as a worker of the unit, which carries it.
        if (!(await GrantCarriers.PathsAsync(db, personId.Value, ct)).Any(p => GrantRules.Carries(p, path, parent?.Path)))
            db.Workers.Add(new Worker { PersonId = personId.Value, UnitId = unitId, CreatedAt = now,
                ByPersonId = parent is null ? null : access.PersonId, ByStaffId = parent is null ? access.StaffId : null });
        var grant = new Grant
        {
            PersonId = personId.Value, UnitId = unitId, ParentId = parent?.Id, CreatedAt = now, ExpiresAt = expires, Quota = quota,
            GrantedByPersonId = parent is null ? null : access.PersonId, GrantedByStaffId = parent is null ? access.StaffId : null,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notices.GrantedAsync(grant.Id, ct);
        return Outcome.Ok(grant.Id);
    }

    /// <summary>Of these units, the ones the caller may grant at: what a form offers.</summary>
    public async Task<List<int>> GrantableAsync(IEnumerable<(int Id, string Path)> units, CancellationToken ct = default)
    {
        var grantable = new List<int>();
        foreach (var (id, path) in units)
            if (await door.AllowsAsync(new UnitResource(id, path), Operations.Grant, ct)) grantable.Add(id);
        return grantable;
    }

    /// <summary>
    /// The caller's grant to grant under: the one rule's narrowest covering grant, its quota set aside, since granting
    /// spends none (a holder whose own quota is used up may still authorize others).
    /// </summary>
    static ActiveGrant? Under(IReadOnlyList<ActiveGrant> mine, string unitPath)
    {
        var covering = EnrollmentRights.Covering(mine.Select(g => g with { Quota = null }), unitPath);
        return mine.FirstOrDefault(g => g.Id == covering?.Id);
    }

    /// <summary>Someone on record the caller may see (by id or mobile), or a new person to add, or why neither.</summary>
    sealed record Found(int? Id, Person? New);

    /// <summary>
    /// The person asked for, among those the caller may see: an unknown id is a 404. A mobile not on record makes a new
    /// person of the name given; one held by someone out of the caller's reach is refused, naming nobody.
    /// </summary>
    async Task<(Outcome? Refusal, Found Person)> FindPersonAsync(GrantInput input, CancellationToken ct)
    {
        var none = new Found(null, null);
        if (input.PersonId is { } id)
        {
            var person = await door.PersonAsync(id, Operations.Read, ct);
            return person.Refused ? (person.Refusal, none) : (null, new Found(id, null));
        }
        if (PersonRules.NormalizeMobile(input.Mobile) is not { } mobile)
            return (Outcome.Fail(new FieldError("Mobile", T("Enter a valid Indian mobile number of 10 digits."))), none);
        var match = await (await door.ReachAsync(ct)).PersonByMobileAsync(mobile, ct);
        if (match.Id is { } known) return (null, new Found(known, null));
        if (match.OutOfReach)
            return (Outcome.Fail(new FieldError("Mobile", T("This mobile number is on record for someone outside your part of the organization. Ask the war room to authorize them."))), none);
        var name = PersonRules.CleanOrNull(input.Name);
        if (name is null)
            return (Outcome.Fail(new FieldError("Name", T("This mobile number is not on record yet: write their name, and they are added as a worker of the unit."))), none);
        if (name.Length > PersonRules.MaxName)
            return (Outcome.Fail(new FieldError("Name", T("This is too long: at most {0} characters.", PersonRules.MaxName))), none);
        // One name, as the granter knows it, in whichever script they wrote it: the worker can correct it later.
        return (null, new Found(null, new Person { NameEn = name, NameHi = name, NameKey = PersonRules.KeyOf(name), Mobile = mobile }));
    }

    /// <summary>Saves the new person; null when the same mobile was added by another request a moment before.</summary>
    async Task<int?> AddPersonAsync(Person person, CancellationToken ct)
    {
        if (await db.People.AnyAsync(p => p.Mobile == person.Mobile, ct)) return null;
        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(ct);
            return person.Id;
        }
        catch (DbUpdateException)
        {
            // Mobiles are unique: the other request's person stands; this one asks the granter to send again.
            db.Entry(person).State = EntityState.Detached;
            return null;
        }
    }
}
