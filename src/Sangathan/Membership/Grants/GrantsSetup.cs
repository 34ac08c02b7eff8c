namespace Sangathan.Membership;

internal static class GrantsSetup
{
    public static void AddGrants(this IServiceCollection services)
    {
    }

    public static void MapGrants(this WebApplication app)
    {
    }
}
