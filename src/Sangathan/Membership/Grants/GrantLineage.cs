using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Who stands above a grant in the tree of who authorized whom. The war room and the holder of any active grant
/// above it may revoke it; the grant's own holder, and those beside or below, may not.
/// </summary>
public sealed class GrantLineage(AppDb db, EnrollmentRights rights)
{
    /// <summary>The grants above one whose parent is given, nearest first. One small read per level: a few levels deep.</summary>
    public async Task<List<int>> AncestorsAsync(int? parentId, CancellationToken ct)
    {
        var ancestors = new List<int>();
        while (parentId is { } id && !ancestors.Contains(id))
        {
            ancestors.Add(id);
            parentId = await db.Grants.Where(g => g.Id == id).Select(g => g.ParentId).FirstOrDefaultAsync(ct);
        }
        return ancestors;
    }

    /// <summary>The ids of the caller's grants in force, the ones that let them revoke below; none for staff.</summary>
    public async Task<HashSet<int>> RevokingGrantsAsync(Access.Access access, CancellationToken ct) =>
        access.PersonId is { } me ? (await rights.ActiveAsync(me, ct)).Select(g => g.Id).ToHashSet() : [];

    public async Task<bool> MayRevokeAsync(Access.Access access, int? parentId, CancellationToken ct)
    {
        if (GrantRules.IsWarRoom(access)) return true;
        var mine = await RevokingGrantsAsync(access, ct);
        return mine.Count > 0 && (await AncestorsAsync(parentId, ct)).Any(mine.Contains);
    }
}
