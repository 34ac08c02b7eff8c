using System.Security.Claims;

namespace Sangathan.Access;

/// <summary>
/// The caller as the authorization handlers see them: their claims with their <see cref="Access"/> already decided, so
/// that a handler reads no session and the same handlers serve a request and background work done for someone.
/// </summary>
public sealed class AccessPrincipal(Access access, ClaimsPrincipal? user = null) : ClaimsPrincipal(user?.Identities ?? [])
{
    public Access Access => access;

    public static Access Of(ClaimsPrincipal user) => user is AccessPrincipal p ? p.Access : Access.Anonymous;
}
