using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Sangathan.Membership;

namespace Sangathan.Access;

/// <summary>
/// A grant is seen by those who read its unit. It is revoked (<see cref="Operations.Grant"/>) by the war room's
/// administrators, and by the holder of any grant in force above it in the tree of who authorized whom; not by its own
/// holder, nor by those beside or below.
/// </summary>
public sealed class GrantAuthorization(GrantLineage lineage) : AuthorizationHandler<OperationAuthorizationRequirement, GrantResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation,
        GrantResource grant)
    {
        var access = AccessPrincipal.Of(context.User);
        var allowed = operation == Operations.Read ? access.Reaches(Operations.Read, grant.UnitPath)
            : operation == Operations.Grant && await lineage.MayRevokeAsync(access, grant.ParentId, default);
        if (allowed) context.Succeed(operation);
    }
}
