using Microsoft.EntityFrameworkCore;
using OtpNet;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Access;

/// <summary>A new authenticator secret, shown once to be set up on the staff member's phone.</summary>
public sealed record NewAuthenticator(int StaffId, string Username, string Secret)
{
    public string Uri => AddStaff.AuthenticatorUri(Username, Secret);
}

/// <summary>
/// The state administrator's changes to war-room accounts: disable (its sessions end at once) and enable again, a new
/// authenticator (and password) for a lost phone, other roles. The war room never locks itself out: nobody disables,
/// demotes or resets themselves, and the last administrator who can sign in stays one. Each change is audited.
/// </summary>
public sealed class ChangeStaff(AppDb db, Door door, Sessions sessions, TimeProvider clock)
{
    public async Task<Outcome> DisableAsync(int staffId, CancellationToken ct = default)
    {
        var (staff, refusal) = await OpenAsync(staffId, ct);
        if (staff is null) return refusal!;
        if (staff.DisabledAt is not null) return Outcome.Fail(new FieldError("", T("This account is already disabled.")));
        if (await IsCallerAsync(staffId, ct)) return Outcome.Fail(new FieldError("", T("You cannot disable your own account.")));
        if (await LastAdminAsync(staff, ct)) return Outcome.Fail(new FieldError("", T("This is the last administrator who can sign in: make another first.")));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        staff.DisabledAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await sessions.EndAllAsync(null, staffId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(staffId);
    }

    public async Task<Outcome> EnableAsync(int staffId, CancellationToken ct = default)
    {
        var (staff, refusal) = await OpenAsync(staffId, ct);
        if (staff is null) return refusal!;
        if (staff.DisabledAt is null) return Outcome.Fail(new FieldError("", T("This account is not disabled.")));
        staff.DisabledAt = null;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(staffId);
    }

    /// <summary>A new authenticator secret (the old phone's codes stop working), and a new password if one is given.</summary>
    public async Task<(Outcome Outcome, NewAuthenticator? Authenticator)> ResetAuthenticatorAsync(int staffId, string? password, CancellationToken ct = default)
    {
        var (staff, refusal) = await OpenAsync(staffId, ct);
        if (staff is null) return (refusal!, null);
        // It ends every session of the account: one's own, from the page one is on, would sign oneself out mid-change.
        if (await IsCallerAsync(staffId, ct))
            return (Outcome.Fail(new FieldError("", T("You cannot reset your own authenticator: ask another administrator."))), null);
        if (password is { Length: > 0 } && password.Length < AddStaff.MinPassword)
            return (Outcome.Fail(new FieldError("Password", T("A password needs at least {0} characters.", AddStaff.MinPassword))), null);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        staff.TotpSecret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        staff.LastTotpStep = 0;
        if (password is { Length: > 0 }) staff.PasswordHash = StaffSignIn.HashPassword(staff, password);
        await db.SaveChangesAsync(ct);
        // Whoever holds the old phone is signed out with it.
        await sessions.EndAllAsync(null, staffId, ct);
        await tx.CommitAsync(ct);
        return (Outcome.Ok(staffId), new NewAuthenticator(staff.Id, staff.Username, staff.TotpSecret));
    }

    public async Task<Outcome> ChangeRolesAsync(int staffId, IReadOnlyCollection<string>? roles, CancellationToken ct = default)
    {
        var (staff, refusal) = await OpenAsync(staffId, ct);
        if (staff is null) return refusal!;
        // A form's empty field binds as a null entry.
        var wanted = (roles ?? []).Select(r => (r ?? "").Trim()).Where(r => r.Length > 0).Distinct().ToList();
        if (wanted.Count == 0 || wanted.Any(r => !StaffRoles.All.Contains(r)))
            return Outcome.Fail(new FieldError("Roles", T("Roles are some of: {0}.", string.Join(", ", StaffRoles.All))));
        var dropsAdmin = Roles(staff).Contains(StaffRoles.Admin) && !wanted.Contains(StaffRoles.Admin);
        if (dropsAdmin && await IsCallerAsync(staffId, ct)) return Outcome.Fail(new FieldError("Roles", T("You cannot take the administrator's role from yourself.")));
        if (dropsAdmin && await LastAdminAsync(staff, ct)) return Outcome.Fail(new FieldError("Roles", T("This is the last administrator who can sign in: make another first.")));
        staff.Roles = string.Join(",", StaffRoles.All.Where(wanted.Contains));
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(staffId);
    }

    async Task<(StaffMember? Staff, Outcome? Refusal)> OpenAsync(int staffId, CancellationToken ct)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return (null, Outcome.Denied());
        var staff = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Id == staffId, ct);
        return staff is null ? (null, Outcome.Missing()) : (staff, null);
    }

    async Task<bool> IsCallerAsync(int staffId, CancellationToken ct) => (await door.CallerAsync(ct)).StaffId == staffId;

    async Task<bool> LastAdminAsync(StaffMember staff, CancellationToken ct)
    {
        if (staff.DisabledAt is not null || !Roles(staff).Contains(StaffRoles.Admin)) return false;
        var admins = await db.Set<StaffMember>().Where(s => s.DisabledAt == null && s.Id != staff.Id).Select(s => s.Roles).ToListAsync(ct);
        return !admins.Any(r => r.Split(',').Contains(StaffRoles.Admin));
    }

    static string[] Roles(StaffMember staff) => staff.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
