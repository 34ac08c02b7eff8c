using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Retires a post the party no longer has: from today it has no seats and takes no one, and those holding it stop
/// holding it today, with the reason given. It is never deleted: its past holders remain its history. A post retired
/// by mistake can be brought back (its former holders are then appointed again by hand, if at all).
/// </summary>
public sealed class RetirePost(AppDb db, Door door, TimeProvider clock, GrantsFollowPosts grants)
{
    public async Task<Outcome> RetireAsync(int postId, string? reason, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return Outcome.Denied();
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null) return Outcome.Missing();
        var why = (reason ?? "").Trim();
        if (post.Until is not null) return Outcome.Fail(new FieldError("", T("This post is already retired.")));
        if (why.Length is < 5 or > 500) return Outcome.Fail(new FieldError("Reason", T("Give a reason of 5 to 500 characters.")));

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        post.Until = today;
        var holders = await db.Appointments.Where(a => a.PostId == postId && a.Until == null).ToListAsync(ct);
        foreach (var a in holders)
        {
            a.Until = today;
            a.EndReason = why;
            a.EndedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountLevelAsync(db, post.LevelId, ct);
        foreach (var person in holders.Select(a => a.PersonId).Distinct())
            await grants.AfterPostsChangedAsync(person, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(holders.Count);
    }

    public async Task<Outcome> RestoreAsync(int postId, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return Outcome.Denied();
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null) return Outcome.Missing();
        if (post.Until is null) return Outcome.Fail(new FieldError("", T("This post is in use.")));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        post.Until = null;
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountLevelAsync(db, post.LevelId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(post.Id);
    }
}
