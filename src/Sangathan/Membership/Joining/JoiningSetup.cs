namespace Sangathan.Membership;

internal static class JoiningSetup
{
    public static void AddJoining(this IServiceCollection services)
    {
    }

    public static void MapJoining(this WebApplication app)
    {
    }
}
