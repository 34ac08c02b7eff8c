using Microsoft.EntityFrameworkCore;
using OtpNet;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Access;

public sealed record NewStaff(string Username, string DisplayName, string Password, string[] Roles, string? TotpSecret = null);

/// <summary>Creates a war-room account and returns the authenticator secret to show once.</summary>
public sealed class AddStaff(AppDb db, TimeProvider clock)
{
    public const int MinPassword = 12;
    public const int MaxDisplayName = 150;

    public async Task<(Outcome Outcome, string? Secret)> RunAsync(NewStaff input, CancellationToken ct = default)
    {
        var name = input.Username.Trim().ToLowerInvariant();
        var errors = new List<FieldError>();
        if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors.Add(new("Username", T("A username is 3 to 64 letters, digits, '.', '-' or '_'.")));
        if (input.Password.Length < MinPassword) errors.Add(new("Password", T("A password needs at least {0} characters.", MinPassword)));
        if (input.Roles.Length == 0 || input.Roles.Any(r => !StaffRoles.All.Contains(r)))
            errors.Add(new("Roles", T("Roles are some of: {0}.", string.Join(", ", StaffRoles.All))));
        if (await db.Set<StaffMember>().AnyAsync(s => s.Username == name, ct)) errors.Add(new("Username", T("That username is taken.")));
        var display = (input.DisplayName ?? "").Trim();
        if (display.Length > MaxDisplayName) errors.Add(new("DisplayName", T("This is too long: at most {0} characters.", MaxDisplayName)));
        if (errors.Count > 0) return (Outcome.Fail([.. errors]), null);

        var secret = input.TotpSecret ?? Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var staff = new StaffMember { Username = name, DisplayName = display.Length == 0 ? name : display, PasswordHash = "", TotpSecret = secret,
            Roles = string.Join(",", input.Roles.Distinct()), CreatedAt = clock.GetUtcNow().UtcDateTime };
        staff.PasswordHash = StaffSignIn.HashPassword(staff, input.Password);
        db.Add(staff);
        await db.SaveChangesAsync(ct);
        return (Outcome.Ok(staff.Id), secret);
    }

    public static string AuthenticatorUri(string username, string secret) =>
        $"otpauth://totp/Sangathan:{Uri.EscapeDataString(username)}?secret={secret}&issuer=Sangathan";
}
