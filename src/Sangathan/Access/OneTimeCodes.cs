using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>
/// Six-digit codes sent by SMS, for signing in and for a person joining online confirming their own mobile. A code is
/// kept as a keyed hash that includes what it is for, so a joining code never signs anyone in (nor the other way);
/// both kinds count against the same limits per number and per address.
/// </summary>
public sealed class OneTimeCodes(AppDb db, TimeProvider clock, IOptions<AccessOptions> options, CodeHasher hasher)
{
    public const string SignIn = "";
    public const string Joining = "join";
    /// <summary>Checking oneself in at a meeting, from its QR.</summary>
    public const string MeetingCheckIn = "meeting";

    /// <summary>
    /// Records a code for the mobile and returns it. One that must not work (an unknown number asking to sign in) is
    /// recorded with a hash no code matches, so that the limits treat it alike.
    /// </summary>
    public async Task<string> IssueAsync(string mobile, string? ip, string purpose, bool usable, CancellationToken ct)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OtpCode
        {
            Mobile = mobile, Ip = SignInThrottle.AddressOf(ip), CreatedAt = now, ExpiresAt = now + options.Value.CodeLifetime,
            CodeHash = hasher.Hash(mobile, usable ? For(purpose, code) : Guid.NewGuid().ToString()),
        });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Whether the code is a live one of this mobile for this purpose; if so it is used up, even when two requests race.</summary>
    public async Task<bool> ClaimAsync(string mobile, string? code, string purpose, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = hasher.Hash(mobile, For(purpose, (code ?? "").Trim()));
        var candidates = await db.Set<OtpCode>().Where(c => c.Mobile == mobile && c.UsedAt == null && c.ExpiresAt > now)
            .Select(c => new { c.Id, c.CodeHash }).ToListAsync(ct);
        var match = candidates.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c.CodeHash), Encoding.ASCII.GetBytes(hash)));
        // Marking it used only if still unused makes a code single-use.
        return match is not null &&
            await db.Set<OtpCode>().Where(c => c.Id == match.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) == 1;
    }

    // Sign-in codes are hashed as they always were; others carry their purpose inside the hash.
    static string For(string purpose, string code) => purpose.Length == 0 ? code : $"{purpose}:{code}";
}
