using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;

namespace Sangathan.Access;

/// <summary>Works out the caller's <see cref="Access"/> once per request, from their session, their posts and where they work.</summary>
public sealed class Jurisdiction(IHttpContextAccessor http, AppDb db, IOptions<AccessOptions> options, TimeProvider clock)
{
    Access? resolved;

    public async Task<Access> GetAsync(CancellationToken ct = default) => resolved ??= await ResolveAsync(http.HttpContext?.User, ct);

    /// <summary>The signed-in person, read from the session alone: for work that needs who calls, not where they reach.</summary>
    public int? PersonId =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user && int.TryParse(user.FindFirst(SessionClaims.PersonId)?.Value, out var p) ? p : null;

    async Task<Access> ResolveAsync(ClaimsPrincipal? user, CancellationToken ct)
    {
        if (user?.Identity?.IsAuthenticated != true) return Access.Anonymous;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var staffId = int.TryParse(user.FindFirst(SessionClaims.StaffId)?.Value, out var s) ? s : (int?)null;
        var personId = int.TryParse(user.FindFirst(SessionClaims.PersonId)?.Value, out var p) ? p : (int?)null;
        return await ForAsync(personId, staffId, roles, ct);
    }

    /// <summary>The access of someone who is not the caller of this request: background work done for them.</summary>
    public async Task<Access> ForAsync(int? personId, int? staffId, IReadOnlySet<string> roles, CancellationToken ct)
    {
        if (personId is null) return new Access(null, staffId, roles, []);

        var editors = options.Value.EditorPosts;
        var posts = await db.Appointments.AsNoTracking().Where(a => a.PersonId == personId && a.Until == null)
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => new { a.PostId, u.Id, u.Path })
            .Join(db.Posts, x => x.PostId, po => po.Id, (x, po) => new { x.Id, x.Path, po.Key })
            .ToListAsync(ct);
        var scopes = posts.GroupBy(x => (x.Id, x.Path))
            .Select(g => new Scope(g.Key.Id, g.Key.Path, g.Any(x => editors.Contains(x.Key))))
            .ToList();
        // A worker reads where they work only while they may enroll: the last grant revoked, the reach ends with it.
        var now = clock.GetUtcNow().UtcDateTime;
        var workplaces = await db.Workers.AsNoTracking()
            .Where(w => w.PersonId == personId && db.Grants.Any(g => g.PersonId == personId && g.RevokedAt == null && g.SuspendedAt == null
                && (g.ExpiresAt == null || g.ExpiresAt > now)))
            .Join(db.Units, w => w.UnitId, u => u.Id, (w, u) => u.Path).ToListAsync(ct);
        return new Access(personId, staffId, roles, scopes, workplaces);
    }
}
