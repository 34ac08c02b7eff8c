using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// How many registrations the website takes from one address in an hour and for one voter ID in a day, counted in
/// the database (<see cref="JoinAttempt"/>) so that every app server sees the same counts. The codes' own limits
/// (per mobile, per address) still apply after these.
/// </summary>
public sealed class JoinLimits(AppDb db, IOptions<MembershipOptions> options, TimeProvider clock)
{
    public async Task<bool> MayJoinAsync(string? ip, string voterId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (address, voter, hourAgo, dayAgo) = (ip is null ? null : Address(ip), Voter(voterId), now.AddHours(-1), now.AddDays(-1));
        var attempts = db.Set<JoinAttempt>().AsNoTracking();
        if (address is not null && await attempts.CountAsync(a => a.Key == address && a.At > hourAgo, ct) >= options.Value.JoinsPerAddressPerHour)
            return false;
        return await attempts.CountAsync(a => a.Key == voter && a.At > dayAgo, ct) < options.Value.JoinsPerVoterIdPerDay;
    }

    /// <summary>Counts a registration that was let through.</summary>
    public async Task CountAsync(string? ip, string voterId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ip is not null) db.Add(new JoinAttempt { Key = Address(ip), At = now });
        db.Add(new JoinAttempt { Key = Voter(voterId), At = now });
        await db.SaveChangesAsync(ct);
    }

    // An IPv6 address is counted by its /64, which one customer holds whole, as one IPv4 address is.
    static string Address(string ip)
    {
        if (!IPAddress.TryParse(ip, out var address)) return "ip:" + ip;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "ip:" + address;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }

    // The voter ID stays in the clear only on its enrollment.
    static string Voter(string voterId) => "voter:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(voterId)));
}
