using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>Opens, finds and ends sessions. A token is 256 random bits; the database keeps its hash.</summary>
public sealed class Sessions(AppDb db, TimeProvider clock)
{
    public async Task<string> OpenAsync(int? personId, int? staffId, TimeSpan lifetime, string? ip, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new Session { TokenHash = HashOf(token), PersonId = personId, StaffId = staffId, CreatedAt = now, ExpiresAt = now + lifetime, Ip = ip });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<ClaimsPrincipal?> FindAsync(string token, string scheme, CancellationToken ct = default)
    {
        var hash = HashOf(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.Set<Session>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
        if (session is null || session.ExpiresAt <= now) return null;

        var claims = new List<Claim> { new(SessionClaims.SessionId, session.Id.ToString()) };
        if (session.StaffId is { } staffId)
        {
            // A disabled account's sessions stop at once, whatever their expiry.
            var roles = await db.Set<StaffMember>().Where(s => s.Id == staffId && s.DisabledAt == null).Select(s => s.Roles).FirstOrDefaultAsync(ct);
            if (roles is null) return null;
            claims.Add(new(SessionClaims.StaffId, staffId.ToString()));
            claims.Add(new(AuditClaims.Actor, $"staff:{staffId}"));
            claims.AddRange(roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        }
        if (session.PersonId is { } personId)
        {
            claims.Add(new(SessionClaims.PersonId, personId.ToString()));
            if (session.StaffId is null) claims.Add(new(AuditClaims.Actor, $"person:{personId}"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public async Task EndAsync(long sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Session>().Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    /// <summary>"Sign out everywhere": every session of this person or staff member ends now.</summary>
    public async Task<int> EndAllAsync(int? personId, int? staffId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Session>()
            .Where(s => s.RevokedAt == null && ((personId != null && s.PersonId == personId) || (staffId != null && s.StaffId == staffId)))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
