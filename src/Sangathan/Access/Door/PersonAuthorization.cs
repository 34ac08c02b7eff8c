using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Sangathan.Access;

/// <summary>
/// Decides what a caller may do to a person, from where the person's posts are. <see cref="Reach.People"/> and
/// <see cref="Reach.ContactsShown"/> are the same rules as filters for lists.
/// </summary>
public sealed class PersonAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, PersonResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation,
        PersonResource person)
    {
        if (Allows(AccessPrincipal.Of(context.User), operation, person)) context.Succeed(operation);
        return Task.CompletedTask;
    }

    static bool Allows(Access access, OperationAuthorizationRequirement operation, PersonResource person)
    {
        var self = access.PersonId == person.Id;
        var work = person.WorkUnits ?? [];
        // A person is in a jurisdiction through the posts they hold or held there, and the units they work in.
        if (operation == Operations.Read)
            return self || access.ReadsAll || person.CurrentPosts.Concat(person.PastPosts).Concat(work).Any(p => access.Reaches(Operations.Read, p));
        // Office bearers must reach each other and their workers: a current office bearer's or a worker's contacts are
        // shown to office bearers whose part of the tree holds the post or the unit. Anyone else's (a past office
        // bearer's, a representative's) are masked but to themselves; a worker sees none but their own.
        if (operation == Operations.SeeContacts)
            return self || person.CurrentPosts.Concat(work).Any(p => access.Reaches(Operations.SeeContacts, p));
        // Editing someone's contacts can take over their account (sign-in is by mobile), so it needs rights over every
        // post they hold today, not just one of them.
        if (operation == Operations.Edit)
            return access.EditsAll || (person.CurrentPosts.Count > 0 && person.CurrentPosts.All(p => access.Reaches(Operations.Edit, p)));
        if (operation == Operations.Reveal) return access.CanReveal;
        return false;
    }
}
