using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Sangathan.Access;

/// <summary>A broadcast is seen by those who read its unit, and followed, approved and cancelled by those who may message there.</summary>
public sealed class BroadcastAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, BroadcastResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation,
        BroadcastResource broadcast)
    {
        var access = AccessPrincipal.Of(context.User);
        if ((operation == Operations.Read || operation == Operations.Message) && access.Reaches(operation, broadcast.UnitPath))
            context.Succeed(operation);
        return Task.CompletedTask;
    }
}
