using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Sangathan.Access;

/// <summary>
/// A meeting is decided by its unit: those who read the unit read its meetings; those who may call one there change and
/// cancel it; its register and minutes are also kept by any office bearer of the unit itself (the secretary keeps the
/// register even where a secretary only views); its reports leave the app as exports do.
/// </summary>
public sealed class MeetingAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, MeetingResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation,
        MeetingResource meeting)
    {
        var access = AccessPrincipal.Of(context.User);
        var allowed =
            operation == Operations.Read || operation == Operations.CallMeeting || operation == Operations.Export
                ? access.Reaches(operation, meeting.UnitPath)
            : operation == Operations.RecordMeeting
            && (access.Reaches(Operations.CallMeeting, meeting.UnitPath) || access.Scopes.Any(s => s.UnitId == meeting.UnitId));
        if (allowed) context.Succeed(operation);
        return Task.CompletedTask;
    }
}
