using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>War-room sign-in: password (hashed as ASP.NET Core Identity does) and an authenticator code.</summary>
public sealed class StaffSignIn(AppDb db, SignInThrottle throttle, Sessions sessions, AuditLog audit, TimeProvider clock,
    IOptions<AccessOptions> options)
{
    static readonly PasswordHasher<StaffMember> Hasher = new();

    static readonly StaffMember Nobody = new() { Username = "", DisplayName = "", PasswordHash = "", TotpSecret = "", Roles = "" };

    /// <summary>Made once per process, with the hasher's own settings, so verifying against it costs what a real one does.</summary>
    static readonly string DummyHash = Hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>
    /// Null with Refused when this address has failed too often to try now; the account itself is never locked (see
    /// <see cref="SignInThrottle"/>). Known and unknown usernames take the same path and the same time.
    /// </summary>
    public async Task<(SignedIn? Session, bool Refused)> RunAsync(string? username, string? password, string? code, string? ip, CancellationToken ct = default)
    {
        var name = (username ?? "").Trim().ToLowerInvariant();
        if (name.Length is 0 or > 64) return (null, false);
        var key = $"staff:{name}";
        if (await throttle.RefusesAsync(key, ip, ct)) return (null, true);

        // A disabled account signs in no more than an unknown one, and takes as long to refuse.
        var staff = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Username == name && s.DisabledAt == null, ct);
        // An unknown username is checked against a dummy hash of the same cost, so the time taken does not tell it apart.
        var passwordOk = Hasher.VerifyHashedPassword(staff ?? Nobody, staff?.PasswordHash ?? DummyHash, password ?? "") != PasswordVerificationResult.Failed;
        var ok = staff is not null && passwordOk && TotpAccepts(staff, code);
        if (!ok)
        {
            var warn = await throttle.FailAsync(key, ip, ct);
            await audit.RecordAsync(new AuditDraft("sign-in-failed", "StaffMember", staff?.Id.ToString() ?? name), ct);
            // The war room has no other channel to its accounts' owners than the audit log they and the auditors read.
            if (warn) await audit.RecordAsync(new AuditDraft("sign-in-warning", "StaffMember", staff?.Id.ToString() ?? name), ct);
            return (null, false);
        }
        await db.SaveChangesAsync(ct);
        var lifetime = options.Value.StaffSession;
        var token = await sessions.OpenAsync(null, staff!.Id, lifetime, ip, ct);
        await audit.RecordAsync(new AuditDraft("sign-in", "StaffMember", staff.Id.ToString()), ct, $"staff:{staff.Id}");
        return (new SignedIn(token, clock.GetUtcNow().UtcDateTime + lifetime), false);
    }

    /// <summary>A code of the current 30-second step or either neighbour, and never one already used.</summary>
    bool TotpAccepts(StaffMember staff, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(staff.TotpSecret), timeCorrection: new TimeCorrection(clock.GetUtcNow().UtcDateTime));
        if (!totp.VerifyTotp(code.Trim(), out var step, new VerificationWindow(1, 1)) || step <= staff.LastTotpStep) return false;
        staff.LastTotpStep = step;
        return true;
    }

    public static string HashPassword(StaffMember staff, string password) => Hasher.HashPassword(staff, password);
}
