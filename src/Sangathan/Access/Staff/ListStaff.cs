using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Access;

/// <param name="LastSignIn">When they last signed in (UTC): the newest session the sign-in opened; null if never.</param>
public sealed record StaffAccount(int Id, string Username, string DisplayName, IReadOnlyList<string> Roles, DateTime? CreatedAt,
    DateTime? DisabledAt, DateTime? LastSignIn)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>The war room's accounts for the state administrator: roles, whether they may sign in, and when they last did.</summary>
public sealed class ListStaff(AppDb db)
{
    public async Task<IReadOnlyList<StaffAccount>> RunAsync(CancellationToken ct = default)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.DisabledAt != null).ThenBy(s => s.Username)
            .Select(s => new
            {
                s.Id, s.Username, s.DisplayName, s.Roles, s.CreatedAt, s.DisabledAt,
                // Sessions are only ever opened by signing in, and are never deleted: the newest is the last sign-in.
                LastSignIn = db.Set<Session>().Where(x => x.StaffId == s.Id).Max(x => (DateTime?)x.CreatedAt),
            })
            .ToListAsync(ct);
        return staff.Select(s => new StaffAccount(s.Id, s.Username, s.DisplayName, s.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries),
            s.CreatedAt, s.DisabledAt, s.LastSignIn)).ToList();
    }
}
