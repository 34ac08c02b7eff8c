namespace Sangathan.Membership;

internal static class EnrollmentSetup
{
    public static void AddEnrollment(this IServiceCollection services)
    {
    }

    public static void MapEnrollment(this WebApplication app)
    {
    }
}
