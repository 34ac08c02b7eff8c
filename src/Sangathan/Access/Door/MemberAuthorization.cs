using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Access;

/// <summary>
/// Decides what a caller may do to a member, from the member's booth, and for their own enroller from the enroller's
/// grants: the enroller took the photo and hands the card over, but only while a grant of theirs still covers the booth.
/// </summary>
public sealed class MemberAuthorization(EnrollmentRights rights) : AuthorizationHandler<OperationAuthorizationRequirement, MemberResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation,
        MemberResource member)
    {
        var access = AccessPrincipal.Of(context.User);
        var mine = access.PersonId is { } me && member.EnrolledById == me;
        var allowed =
            operation == Operations.Read ? mine || access.Reaches(Operations.Read, member.BoothPath)
            : operation == Operations.PrintCards ? access.Reaches(Operations.PrintCards, member.BoothPath) || (mine && await EnrollsAtAsync(access, member))
            : operation == Operations.ReplaceCard ? access.Reaches(Operations.PrintCards, member.BoothPath)
            // Ending a card for good is a decision on membership, the district's, as scrutiny is.
            : operation == Operations.EndCard || operation == Operations.Scrutinize ? access.Reaches(Operations.Scrutinize, member.BoothPath)
            : operation == Operations.Reveal && access.CanReveal;
        if (allowed) context.Succeed(operation);
    }

    async Task<bool> EnrollsAtAsync(Access access, MemberResource member) =>
        (await rights.ActiveAsync(access.PersonId!.Value, default)).Any(g => Subtree.Holds(g.Path, member.BoothPath));
}
