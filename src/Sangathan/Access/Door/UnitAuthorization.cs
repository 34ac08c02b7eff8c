using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Access;

/// <summary>
/// Decides every operation on a unit: by the caller's reach (<see cref="Access.Tops"/>), or for enrolling and granting
/// by the caller's grants in force (granting, only by those a post of theirs carries). Recording a meeting is also for any office bearer of the unit itself.
/// </summary>
public sealed class UnitAuthorization(EnrollmentRights rights) : AuthorizationHandler<OperationAuthorizationRequirement, UnitResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation,
        UnitResource unit)
    {
        var access = AccessPrincipal.Of(context.User);
        if (await AllowsAsync(access, operation, unit)) context.Succeed(operation);
    }

    async Task<bool> AllowsAsync(Access access, OperationAuthorizationRequirement operation, UnitResource unit)
    {
        if (operation == Operations.Enroll) return (await GrantsOverAsync(access, unit)).Any(g => g.Quota is null || g.Enrolled < g.Quota);
        // Granting spends no quota: a holder whose own quota is used up may still authorize others. A worker enrolls but
        // grants nobody: only a grant a post carries spreads the drive further (GrantRules.PostCarried).
        if (operation == Operations.Grant) return access.IsAdmin || GrantRules.PostCarried(access, await GrantsOverAsync(access, unit)).Count > 0;
        if (operation == Operations.RecordMeeting)
            return access.Reaches(Operations.CallMeeting, unit.Path) || access.Scopes.Any(s => s.UnitId == unit.Id);
        return access.Reaches(operation, unit.Path);
    }

    async Task<List<ActiveGrant>> GrantsOverAsync(Access access, UnitResource unit) =>
        access.PersonId is { } me ? (await rights.ActiveAsync(me, default)).Where(g => Subtree.Holds(g.Path, unit.Path)).ToList() : [];
}
