using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <param name="Cascade">Revoke what was granted under it too (the default); if false, those grants stay in force and
/// move up to the revoked grant's parent, so the tree stays whole.</param>
public sealed record RevokeInput(bool? Cascade, string? Reason);

/// <summary>What a revoke did: how many grants it ended (this one included) and how many moved up a level.</summary>
public sealed record RevokeResult(int Id, int Revoked, int MovedUp);

/// <summary>
/// Ends a grant at once, for a reason that goes into the audit log. The war room may revoke any grant; a person, any
/// grant below one of their own in the tree. Each holder whose authorization ended is told by SMS.
/// </summary>
public sealed class RevokeGrant(AppDb db, TimeProvider clock, Door door, AuditLog audit, GrantNotices notices)
{
    public async Task<(Outcome Outcome, RevokeResult? Result)> RunAsync(int id, RevokeInput input, CancellationToken ct = default)
    {
        // Who may revoke is decided by the grant's lineage (GrantAuthorization): the war room, and those above it.
        var opened = await door.GrantAsync(id, Operations.Grant, ct);
        if (opened.Refused) return (opened.Refusal, null);
        var grant = opened.Resource!;
        var reason = PersonRules.Clean(input.Reason);
        if (reason.Length is < 5 or > 500)
            return (Outcome.Fail(new FieldError("Reason", T("Give a reason of 5 to 500 characters for revoking this authorization."))), null);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Checked in the statement itself, so two revokes of the same grant at once do not both go through.
        if (await db.Grants.Where(g => g.Id == id && g.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct) == 0)
            return (Outcome.Fail(new FieldError("", T("This authorization has already been revoked."))), null);
        var cascade = input.Cascade ?? true;
        var revoked = cascade ? await RevokeBelowAsync(id, now, ct) : [];
        var movedUp = cascade ? [] : await MoveUpAsync(id, grant.ParentId, ct);
        await audit.RecordAsync(new AuditDraft("grant-revoke", nameof(Grant), id.ToString(), Reason: reason,
            After: JsonSerializer.Serialize(new { cascade, revoked, movedUp, movedTo = cascade ? null : grant.ParentId })), ct);
        await tx.CommitAsync(ct);
        await notices.RevokedAsync([id, .. revoked], ct);
        return (Outcome.Ok(id), new RevokeResult(id, revoked.Count + 1, movedUp.Count));
    }

    /// <summary>
    /// Every grant below, a level at a time: one read and one write per level of the tree, however many grants each
    /// level holds. A grant revoked earlier has nothing in force below it, so the walk stops there.
    /// </summary>
    async Task<List<int>> RevokeBelowAsync(int id, DateTime now, CancellationToken ct)
    {
        var all = new List<int>();
        List<int> level = [id];
        while (true)
        {
            // One array parameter, not one per id: a level may hold thousands of grants.
            var parents = level;
            level = await db.Grants.Where(g => g.RevokedAt == null && g.ParentId != null && EF.Parameter(parents).Contains(g.ParentId.Value))
                .Select(g => g.Id).ToListAsync(ct);
            if (level.Count == 0) return all;
            var ids = level;
            await db.Grants.Where(g => EF.Parameter(ids).Contains(g.Id)).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct);
            all.AddRange(level);
        }
    }

    /// <summary>The children stay in force under the revoked grant's parent (or the war room, for a grant at the top).</summary>
    async Task<List<int>> MoveUpAsync(int id, int? parentId, CancellationToken ct)
    {
        var children = await db.Grants.Where(g => g.ParentId == id).Select(g => g.Id).ToListAsync(ct);
        await db.Grants.Where(g => g.ParentId == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ParentId, parentId), ct);
        return children;
    }
}
