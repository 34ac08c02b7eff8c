using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Meetings;

/// <summary>A meeting with where it sits in the tree: what every rule about it is decided by.</summary>
internal sealed record Placed(Meeting Meeting, string Path, string UnitEn, string UnitHi);

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
    /// Takes the meeting's row for the rest of the transaction, so that marks of one meeting are decided one at a time
    /// (a no-op update locks it on PostgreSQL; SQLite's transactions already write one at a time).
    /// </summary>
    public static Task LockAsync(AppDb db, int id, CancellationToken ct) =>
        db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, m => m.Status), ct);
}
