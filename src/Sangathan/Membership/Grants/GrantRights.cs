using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>Whom to authorize (by id, or by mobile number), for which unit, and optionally until when and for how many.</summary>
public sealed record GrantInput(int? PersonId, int? UnitId, DateTimeOffset? ExpiresAt = null, int? Quota = null, string? Mobile = null);

/// <summary>
/// Authorizes a person to enroll members in a unit and below: the sunflower. The war room's administrators grant
/// anywhere, at the top of the tree. Anyone else grants under their narrowest grant in force that covers the unit,
/// and gives no more than they hold: a grant under theirs ends when theirs ends (no expiry means theirs), and its
/// quota is at most theirs (no quota means theirs). Quotas count each holder's own enrollments: what is granted
/// below does not draw on the granter's quota, and granting spends none of it.
/// </summary>
public sealed class GrantRights(AppDb db, TimeProvider clock, Door door, EnrollmentRights rights)
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
        var parent = warRoom || access.PersonId is not { } me ? null : Under(await rights.ActiveAsync(me, ct), path);
        // The door let a person in by a grant over the unit; the one to grant under is read again, and may have ended since.
        if (!warRoom && parent is null) return Outcome.Denied();

        var (found, personId) = await FindPersonAsync(input, ct);
        if (found is not null) return found;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = input.ExpiresAt?.UtcDateTime ?? parent?.ExpiresAt;
        var quota = input.Quota ?? parent?.Quota;
        var errors = new List<FieldError>();
        if (personId == access.PersonId) errors.Add(new("PersonId", T("You cannot authorize yourself.")));
        else if (!await HoldsPostForAsync(personId, path, parent, ct))
            errors.Add(new("PersonId", parent is null
                ? T("Only someone who holds a post at this unit or above it can be authorized for it.")
                : T("Only someone who holds a post at this unit or above it, inside your own authorization, can be authorized for it.")));
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
        if ((await rights.ActiveAsync(personId, ct)).Any(g => g.UnitId == unitId))
            return Outcome.Fail(new FieldError("PersonId", T("This person already holds an authorization for this unit.")));
        var grant = new Grant
        {
            PersonId = personId, UnitId = unitId, ParentId = parent?.Id, CreatedAt = now, ExpiresAt = expires, Quota = quota,
            GrantedByPersonId = parent is null ? null : access.PersonId, GrantedByStaffId = parent is null ? access.StaffId : null,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
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

    /// <summary>
    /// The person asked for, among those the caller may see: an unknown id is a 404, an unknown mobile a field error.
    /// A mobile held by someone out of the caller's reach is answered as unknown: the error names nobody.
    /// </summary>
    async Task<(Outcome? Refusal, int PersonId)> FindPersonAsync(GrantInput input, CancellationToken ct)
    {
        if (input.PersonId is { } id)
        {
            var person = await door.PersonAsync(id, Operations.Read, ct);
            return person.Refused ? (person.Refusal, 0) : (null, id);
        }
        if (PersonRules.NormalizeMobile(input.Mobile) is not { } mobile)
            return (Outcome.Fail(new FieldError("Mobile", T("Enter a valid Indian mobile number of 10 digits."))), 0);
        var found = await (await door.ReachAsync(ct)).PersonByMobileAsync(mobile, ct);
        return found.Id is { } personId ? (null, personId)
            : (Outcome.Fail(new FieldError("Mobile", T("No office bearer you can see has this mobile number."))), 0);
    }

    /// <summary>
    /// The grantee must hold a current post at the granted unit or above it, so that the right lies inside their own
    /// part of the tree: they can sign in, and see the units and the members they enroll. Under a grant, that post must
    /// also lie inside the granter's unit: rights go down the tree, never up or across.
    /// </summary>
    async Task<bool> HoldsPostForAsync(int personId, string unitPath, ActiveGrant? parent, CancellationToken ct)
    {
        var posts = await db.Appointments.Where(a => a.PersonId == personId && a.Until == null)
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => u.Path).ToListAsync(ct);
        return posts.Any(p => GrantRules.Carries(p, unitPath, parent?.Path));
    }
}
