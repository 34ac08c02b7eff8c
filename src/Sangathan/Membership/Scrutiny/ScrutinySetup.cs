namespace Sangathan.Membership;

internal static class ScrutinySetup
{
    public static void AddScrutiny(this IServiceCollection services)
    {
    }

    public static void MapScrutiny(this WebApplication app)
    {
    }
}
