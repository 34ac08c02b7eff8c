using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>
/// The limits on guessing, kept in the database so that every app server sees the same counts:
/// codes asked per number and per address, and failures before a number or account is locked.
/// </summary>
public sealed class SignInThrottle(AppDb db, TimeProvider clock, IOptions<AccessOptions> options)
{
    AccessOptions O => options.Value;

    public async Task<bool> IsLockedAsync(string key, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - O.LockFor;
        return await db.Set<SignInFailure>().CountAsync(f => f.Key == key && f.At > since, ct) >= O.FailuresBeforeLock;
    }

    public async Task FailAsync(string key, CancellationToken ct)
    {
        db.Add(new SignInFailure { Key = key, At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> MayAskForCodeAsync(string mobile, string? ip, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - O.CodeWindow;
        var codes = db.Set<OtpCode>().Where(c => c.CreatedAt > since);
        if (await codes.CountAsync(c => c.Mobile == mobile, ct) >= O.CodesPerNumber) return false;
        return ip is null || await codes.CountAsync(c => c.Ip == ip, ct) < O.CodesPerAddress;
    }
}
