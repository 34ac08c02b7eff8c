using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Meetings;

/// <summary>
/// The reports. Per unit: one GROUP BY over the subtree's meetings of the last twelve months (their counters, never their
/// attendance rows) joined to the subtree's units, an index range on the path and one on (unit, month); the units with
/// no meeting this month are those rows with none. Per person or member: their rows across meetings the reader may see.
/// </summary>
public sealed class MeetingReports(AppDb db, Door door, MeetingZone zone, TimeProvider clock)
{
    public const int HistoryRows = 100;

    /// <param name="without">Only the units that held no meeting this month.</param>
    public async Task<UnitReport?> UnitAsync(int unitId, string? levelKey, bool without, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Path, u.NameEn, u.NameHi }).FirstOrDefaultAsync(ct);
        if (unit is null || (await door.OpenAsync(new UnitResource(unitId, unit.Path), Operations.Read, ct)).Refused) return null;
        int? levelId = levelKey is { Length: > 0 } ? await db.Levels.Where(l => l.Key == levelKey).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct) ?? -1 : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var month = zone.MonthOf(now);
        var from = MeetingRules.AddMonths(month, -11);

        var months = new List<MonthRow>();
        await using (var command = await Sql.CommandAsync(db, MonthsSql, ct))
        {
            Bind(command, unit.Path, unitId, from, month, now, levelId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) months.Add(new MonthRow(Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3)));
        }
        var units = new List<UnitRow>();
        await using (var command = await Sql.CommandAsync(db, UnitsSql(levelId is not null, without), ct))
        {
            Bind(command, unit.Path, unitId, from, month, now, levelId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                units.Add(new UnitRow(Int(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Int(reader, 5),
                    Int(reader, 6), Int(reader, 7), Int(reader, 8), Int(reader, 9), reader.IsDBNull(10) ? null : reader.GetDateTime(10)));
        }
        // Every month of the year shown, those without meetings too.
        var byMonth = months.ToDictionary(m => m.Month);
        var year = Enumerable.Range(0, 12).Select(i => MeetingRules.AddMonths(month, -i))
            .Select(mo => byMonth.TryGetValue(mo, out var r) ? r : new MonthRow(mo, 0, 0, 0)).ToList();
        return new UnitReport(unitId, unit.NameEn, unit.NameHi, month, year, units, units.Count(u => u.ThisMonth == 0));
    }

    /// <summary>The subtree's meetings held in each month from @from (the unit's own among them).</summary>
    internal static readonly string MonthsSql = $"""
        SELECT m."Month", COUNT(*), COALESCE(SUM(m."Invited"), 0), COALESCE(SUM(m."Came"), 0)
        FROM "Meetings" m JOIN "Units" u ON u."Id" = m."UnitId"
        WHERE {Subtree.Sql("u.\"Path\"")} AND m."Status" = 1 AND m."Month" >= @from AND m."StartsAt" <= @now
        GROUP BY m."Month"
        """;

    /// <summary>Each unit under the unit (of one level, when asked): meetings held this month, in the year, invited, came, the last.</summary>
    internal static string UnitsSql(bool oneLevel, bool without) => $"""
        SELECT u."Id", u."NameEn", u."NameHi", l."NameEn", l."NameHi", u."Depth",
            COALESCE(SUM(CASE WHEN m."Month" = @month THEN 1 ELSE 0 END), 0), COUNT(m."Id"),
            COALESCE(SUM(m."Invited"), 0), COALESCE(SUM(m."Came"), 0), MAX(m."StartsAt")
        FROM "Units" u JOIN "Levels" l ON l."Id" = u."LevelId"
        LEFT JOIN "Meetings" m ON m."UnitId" = u."Id" AND m."Status" = 1 AND m."Month" >= @from AND m."StartsAt" <= @now
        WHERE {Subtree.Sql("u.\"Path\"")} AND u."Id" <> @unit{(oneLevel ? " AND u.\"LevelId\" = @level" : "")}
        GROUP BY u."Id", u."NameEn", u."NameHi", l."NameEn", l."NameHi", u."Depth", u."Path"{(without ? "\n        HAVING COALESCE(SUM(CASE WHEN m.\"Month\" = @month THEN 1 ELSE 0 END), 0) = 0" : "")}
        ORDER BY u."Path"
        """;

    internal static void Bind(DbCommand command, string path, int unitId, int from, int month, DateTime now, int? levelId)
    {
        Subtree.Bind(command, path);
        Sql.Add(command, "unit", unitId);
        Sql.Add(command, "from", from);
        Sql.Add(command, "month", month);
        Sql.Add(command, "now", now);
        if (levelId is { } l) Sql.Add(command, "level", l);
    }

    static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i));

    /// <summary>A person's (office bearer's) or member's meetings that the reader may see; null when the reader may not see them.</summary>
    public async Task<AttendanceHistory?> HistoryAsync(RecipientKind kind, int id, CancellationToken ct)
    {
        var reach = await door.ReachAsync(ct);
        var names = kind == RecipientKind.Person
            ? reach.People.AsNoTracking().Where(p => p.Id == id).Select(p => new Names(p.NameEn, p.NameHi))
            : reach.Members.AsNoTracking().Where(m => m.Id == id).Select(m => new Names(m.NameEn, m.NameHi));
        if (await names.FirstOrDefaultAsync(ct) is not { } name) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from i in db.MeetingInvitees.AsNoTracking()
                          join m in reach.Meetings on i.MeetingId equals m.Id
                          join u in db.Units on m.UnitId equals u.Id
                          where i.Kind == kind && i.RecipientId == id
                          orderby m.StartsAt descending
                          select new HistoryRow(m.Id, m.Title, u.NameEn, u.NameHi, m.StartsAt, i.Invited, i.Answer, i.ArrivedAt, i.Late,
                              m.Status == MeetingStatus.Scheduled && m.StartsAt <= now)).Take(HistoryRows).ToListAsync(ct);
        var held = rows.Where(r => r.Held && r.Invited).ToList();
        var came = held.Count(r => r.ArrivedAt is not null);
        return new AttendanceHistory(kind == RecipientKind.Person ? "person" : "member", id, name.En, name.Hi, held.Count, came,
            held.Count(r => r.ArrivedAt is not null && r.Late), MeetingRules.Rate(came, held.Count), rows);
    }

    sealed record Names(string En, string Hi);
}
