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

    public async Task<(SignedIn? Session, bool Locked)> RunAsync(string? username, string? password, string? code, string? ip, CancellationToken ct = default)
    {
        var name = (username ?? "").Trim().ToLowerInvariant();
        if (name.Length is 0 or > 64) return (null, false);
        var key = $"staff:{name}";
        if (await throttle.IsLockedAsync(key, ct)) return (null, true);

        var staff = await db.Set<StaffMember>().FirstOrDefaultAsync(s => s.Username == name && s.DisabledAt == null, ct);
        var ok = staff is not null
            && Hasher.VerifyHashedPassword(staff, staff.PasswordHash, password ?? "") != PasswordVerificationResult.Failed
            && TotpAccepts(staff, code);
        if (!ok)
        {
            await throttle.FailAsync(key, ct);
            await audit.RecordAsync(new AuditDraft("sign-in-failed", "StaffMember", staff?.Id.ToString() ?? name), ct);
            return (null, await throttle.IsLockedAsync(key, ct));
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
