using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;

namespace Sangathan.Meetings;

/// <summary>A meeting with where it sits in the tree: what every rule about it is decided by.</summary>
internal sealed record Placed(Meeting Meeting, string Path, string UnitEn, string UnitHi)
{
    /// <summary>The meeting as the door decides on it.</summary>
    public MeetingResource Resource => new(Meeting.Id, Meeting.UnitId, Path);
}

internal static class FindMeeting
{
    /// <summary>The meeting (tracked when it is to change) and its unit's path; null when there is none.</summary>
    public static async Task<Placed?> RunAsync(AppDb db, int id, bool tracked, CancellationToken ct)
    {
        var meetings = tracked ? db.Meetings : db.Meetings.AsNoTracking();
        return await (from m in meetings
                      join u in db.Units on m.UnitId equals u.Id
                      where m.Id == id
                      select new Placed(m, u.Path, u.NameEn, u.NameHi)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The meeting opened through the door for <paramref name="operation"/>, loaded once: the meeting, or null with the
    /// refusal (missing when there is none or the caller may not read it, denied when they may read but not do this).
    /// </summary>
    public static async Task<(Placed? Found, Outcome? Refusal)> OpenAsync(AppDb db, Door door, int id, OperationAuthorizationRequirement operation,
        bool tracked, CancellationToken ct)
    {
        var found = await RunAsync(db, id, tracked, ct);
        var opened = await door.OpenAsync(found?.Resource, operation, ct);
        return opened.Refused ? (null, opened.Refusal) : (found, null);
    }

    /// <summary>
    /// Takes the meeting's row for the rest of the transaction, so that marks of one meeting are decided one at a time
    /// (a no-op update locks it on PostgreSQL; SQLite's transactions already write one at a time).
    /// </summary>
    public static Task LockAsync(AppDb db, int id, CancellationToken ct) =>
        db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, m => m.Status), ct);
}
