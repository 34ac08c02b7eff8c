using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Bench;

/// <summary>
/// Every page needs a signed-in caller: the bench is a war-room administrator (state-wide, so every page is open to it)
/// with a real session opened by the app's own code, sent as the page cookie and as the API's bearer token.
/// </summary>
internal static class BenchSignIn
{
    const string Username = "bench-admin";

    public static async Task<string> OpenSessionAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var id = await db.Set<StaffMember>().Where(s => s.Username == Username).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (id is null)
        {
            // Nobody signs in with this password: the session below is opened directly.
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
                .RunAsync(new NewStaff(Username, "Benchmark", password, [StaffRoles.Admin]));
            if (!outcome.Succeeded) throw new InvalidOperationException($"Could not create {Username}: {outcome.Errors.First().Message}");
            id = outcome.Id;
        }
        return await scope.ServiceProvider.GetRequiredService<Sessions>().OpenAsync(null, id, TimeSpan.FromHours(3), null);
    }
}
