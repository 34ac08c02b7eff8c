using Microsoft.Extensions.Options;
using Sangathan.Messaging;

namespace Sangathan.Access;

/// <summary>
/// `add-staff USERNAME ROLE[,ROLE]` creates a war-room account from the command line (the first one
/// cannot be made in the app, which needs a signed-in administrator). The password is read from the
/// SANGATHAN_STAFF_PASSWORD variable or standard input, never from the command line (shell history).
/// </summary>
public static class StaffCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "add-staff") return false;
        if (args.Length < 3)
        {
            Console.Error.WriteLine($"usage: add-staff USERNAME ROLES   (roles: {string.Join(",", StaffRoles.All)})");
            Environment.ExitCode = 2;
            return true;
        }
        var password = Environment.GetEnvironmentVariable("SANGATHAN_STAFF_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine() ?? "";
        }
        using var scope = app.Services.CreateScope();
        var (outcome, secret) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
            .RunAsync(new NewStaff(args[1], args[1], password, args[2].Split(',', StringSplitOptions.RemoveEmptyEntries)));
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors) Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
            return true;
        }
        Console.WriteLine($"Created. Add this to the authenticator app: {AddStaff.AuthenticatorUri(args[1], secret!)}");
        return true;
    }

    /// <summary>
    /// In the demo (codes printed, not sent), a war-room administrator exists from the start so that
    /// someone clicking through can sign in; its password and authenticator secret are printed as demo.
    /// </summary>
    public static async Task EnsureDemoAdminAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sms = scope.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value;
        var demo = scope.ServiceProvider.GetRequiredService<IConfiguration>()["Demo:Seed"];
        if (!string.Equals(sms.Gateway, "console", StringComparison.OrdinalIgnoreCase) || demo is null or "none") return;
        const string secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
            .RunAsync(new NewStaff("admin", "Demo administrator", "sangathan-demo", [StaffRoles.Admin], secret));
        if (outcome.Succeeded || outcome.Errors.Any(e => e.Field == "Username"))
            Console.WriteLine($"DEMO war-room sign-in at /staff/sign-in: admin / sangathan-demo, authenticator: {AddStaff.AuthenticatorUri("admin", secret)}");
    }
}
