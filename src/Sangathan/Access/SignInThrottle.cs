using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>
/// The limits on guessing, kept in the database so that every app server sees the same counts. Guessing is stopped at
/// the address it comes from, never at the number or account guessed: an address with too many failures (in all, or
/// against one number or account) is refused until they age out, while the owner, from any other address, still gets
/// in. Against the number or account itself failures only slow every answer down, and past a threshold its owner is
/// told. Codes asked are limited per number and per address.
/// </summary>
public sealed class SignInThrottle(AppDb db, TimeProvider clock, IOptions<AccessOptions> options)
{
    AccessOptions O => options.Value;

    /// <summary>
    /// Whether this address may not try <paramref name="key"/> now. When it may, the answer waits first if the key has
    /// failed often lately (from anywhere), so that guessing from many addresses is slow too.
    /// </summary>
    public async Task<bool> RefusesAsync(string key, string? ip, CancellationToken ct)
    {
        var recent = Recent();
        // Without a peer address (a Unix socket, a proxy not configured as one) there is nothing to tell callers apart by:
        // counting them as one would lock everyone out together.
        if (AddressOf(ip) is { } address)
        {
            if (await recent.CountAsync(f => f.Address == address, ct) >= O.FailuresPerAddress) return true;
            if (await recent.CountAsync(f => f.Key == key && f.Address == address, ct) >= O.FailuresPerAccountFromAddress) return true;
        }
        var failures = await recent.CountAsync(f => f.Key == key, ct);
        if (Slowdown(failures) is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
        return false;
    }

    /// <summary>The wait before answering about a key with this many recent failures: none up to the threshold, then growing.</summary>
    public TimeSpan Slowdown(int failures) =>
        failures <= O.SlowAfter ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(O.SlowestAnswer.Ticks, O.SlowStep.Ticks * (failures - O.SlowAfter)));

    /// <summary>
    /// Records a failure from this address against the key. True once the key's recent failures reach the warning
    /// threshold and its owner was not told within <see cref="AccessOptions.WarnEvery"/>: the caller tells them now
    /// (every app server sees the same claim, so it is told once).
    /// </summary>
    public async Task<bool> FailAsync(string key, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new SignInFailure { Key = key, Address = AddressOf(ip), At = now });
        await db.SaveChangesAsync(ct);
        return await Recent().CountAsync(f => f.Key == key, ct) >= O.WarnAfter && await ClaimWarningAsync(key, now, ct);
    }

    async Task<bool> ClaimWarningAsync(string key, DateTime now, CancellationToken ct)
    {
        var warnings = db.Set<SignInWarning>();
        var due = now - O.WarnEvery;
        if (await warnings.Where(w => w.Key == key && w.At <= due).ExecuteUpdateAsync(s => s.SetProperty(w => w.At, now), ct) == 1) return true;
        if (await warnings.AnyAsync(w => w.Key == key, ct)) return false;
        // The key's first warning: of two servers adding it at once, the primary key lets one through.
        var first = new SignInWarning { Key = key, At = now };
        warnings.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(first).State = EntityState.Detached;
            return false;
        }
    }

    public async Task<bool> MayAskForCodeAsync(string mobile, string? ip, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - O.CodeWindow;
        var codes = db.Set<OtpCode>().Where(c => c.CreatedAt > since);
        if (await codes.CountAsync(c => c.Mobile == mobile, ct) >= O.CodesPerNumber) return false;
        return AddressOf(ip) is not { } address || await codes.CountAsync(c => c.Ip == address, ct) < O.CodesPerAddress;
    }

    IQueryable<SignInFailure> Recent()
    {
        var since = clock.GetUtcNow().UtcDateTime - O.FailureWindow;
        return db.Set<SignInFailure>().Where(f => f.At > since);
    }

    /// <summary>
    /// The address limits count by: an IPv4 address, or an IPv6 address's /64 network, since one subscriber is given a
    /// whole /64 and could otherwise try from a new address each time. Null when there is none.
    /// </summary>
    public static string? AddressOf(string? ip)
    {
        if (!IPAddress.TryParse(ip, out var address)) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
