using System.Data.Common;

namespace Sangathan.Bench;

/// <summary>How big the prepared database is: units per level, people, appointments.</summary>
internal sealed record Dataset(IReadOnlyList<(string Level, int Units)> Levels, int People, int CurrentAppointments,
    int EndedAppointments, int Representatives)
{
    public static async Task<Dataset> CountAsync(BenchDatabase database)
    {
        await using var c = database.Connect();
        await c.OpenAsync();
        var levels = await c.ListAsync("""
            SELECT l."NameEn", COUNT(*) FROM "Units" u JOIN "Levels" l ON l."Id" = u."LevelId"
            GROUP BY l."Depth", l."NameEn" ORDER BY l."Depth"
            """, r => (r.GetString(0), Convert.ToInt32(r.GetValue(1))));
        return new Dataset(levels, await CountAsync(c, """SELECT COUNT(*) FROM "People" """),
            await CountAsync(c, """SELECT COUNT(*) FROM "Appointments" WHERE "Until" IS NULL"""),
            await CountAsync(c, """SELECT COUNT(*) FROM "Appointments" WHERE "Until" IS NOT NULL"""),
            await CountAsync(c, """SELECT COUNT(*) FROM "Representatives" WHERE "Until" IS NULL"""));
    }

    static async Task<int> CountAsync(DbConnection c, string sql) => (await c.ListAsync(sql, r => Convert.ToInt32(r.GetValue(0))))[0];

    public string Describe() =>
        string.Join(", ", Levels.Select(l => $"{l.Units:N0} {l.Level.ToLowerInvariant()}{(l.Units == 1 ? "" : "s")}")) +
        $"; {People:N0} people; {CurrentAppointments:N0} appointments in post (and {EndedAppointments:N0} ended); " +
        $"{Representatives:N0} sitting MLAs and MPs";
}
