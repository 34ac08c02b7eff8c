using System.Data.Common;

namespace Sangathan.Bench;

/// <summary>
/// The dashboards' figures in hand-written SQL over the same tallies, in one round trip where the data allows: the
/// baseline each dashboard is compared with. The booth level is the deepest (4 in the demo); N is the default 10.
/// </summary>
internal static class DashboardsRaw
{
    const string Totals = """SELECT "Joined", "Verified", "Rejected", "Flagged" FROM "MemberTotals" WHERE "UnitId" = @id;""";

    public static async Task<int> DriveAsync(DbConnection c, int id, bool ac, bool postgres, string from)
    {
        var day = postgres ? "CAST(@from AS date)" : "@from";
        string sql;
        if (!ac)
        {
            sql = $"""
                SELECT "Path" FROM "Units" WHERE "Id" = @id;
                SELECT "Status", "Category", "Gender", "Count" FROM "MemberTallies" WHERE "UnitId" = @id;
                {Totals}
                SELECT "Day", "Count" FROM "MemberDayTallies" WHERE "UnitId" = @id AND "Day" >= {day};
                SELECT "Day", "Verified" FROM "DailySnapshots" WHERE "Kind" = 1 AND "ScopeId" = @id AND "Day" >= {day};
                SELECT "Members", "From", "Until", "VerifiedPerBooth" FROM "Goals" WHERE "Kind" = 1 AND "ScopeId" = @id;
                SELECT u."Id", u."NameEn", u."NameHi", t."Joined", t."Verified", t."Rejected", t."Flagged", g."Members"
                FROM "Units" u LEFT JOIN "MemberTotals" t ON t."UnitId" = u."Id" LEFT JOIN "Goals" g ON g."Kind" = 1 AND g."ScopeId" = u."Id"
                WHERE u."ParentId" = @id;
                SELECT p."Id", p."NameEn", p."NameHi", t."Joined", t."Confirmed", t."Verified", t."Flagged"
                FROM (SELECT * FROM "EnrollerTallies" WHERE "UnitId" = @id AND "Joined" > 0 ORDER BY "Joined" DESC, "EnrollerId" LIMIT 20) t
                JOIN "People" p ON p."Id" = t."EnrollerId";
                SELECT COUNT(*) FROM "EnrollerTallies" WHERE "UnitId" = @id AND "Joined" > 0;
                """;
        }
        else
        {
            const string booths = """SELECT "Id" FROM "Units" WHERE "AssemblyConstituencyId" = @id""";
            sql = $"""
                SELECT "Number", "NameEn", "NameHi" FROM "Constituencies" WHERE "Id" = @id;
                SELECT "Status", "Category", "Gender", SUM("Count") FROM "MemberTallies" WHERE "UnitId" IN ({booths}) GROUP BY "Status", "Category", "Gender";
                SELECT SUM("Joined"), SUM("Verified"), SUM("Rejected"), SUM("Flagged") FROM "MemberTotals" WHERE "UnitId" IN ({booths});
                SELECT "Day", SUM("Count") FROM "MemberDayTallies" WHERE "UnitId" IN ({booths}) AND "Day" >= {day} GROUP BY "Day";
                SELECT "Day", "Verified" FROM "DailySnapshots" WHERE "Kind" = 2 AND "ScopeId" = @id AND "Day" >= {day};
                SELECT b."ParentId", SUM(t."Joined"), SUM(t."Verified"), SUM(t."Rejected"), SUM(t."Flagged")
                FROM "Units" b LEFT JOIN "MemberTotals" t ON t."UnitId" = b."Id" WHERE b."AssemblyConstituencyId" = @id GROUP BY b."ParentId";
                SELECT p."Id", p."NameEn", p."NameHi", t.j, t.c, t.v, t.f
                FROM (SELECT "EnrollerId", SUM("Joined") j, SUM("Confirmed") c, SUM("Verified") v, SUM("Flagged") f FROM "EnrollerTallies"
                      WHERE "UnitId" IN ({booths}) GROUP BY "EnrollerId" ORDER BY j DESC, "EnrollerId" LIMIT 20) t
                JOIN "People" p ON p."Id" = t."EnrollerId";
                """;
        }
        await using var command = c.Command(sql, ("id", id), ("from", from));
        return await command.ReadAllAsync();
    }

    static string Coverage(string where, string group) => $"""
        SELECT b."{group}", COUNT(*), SUM(CASE WHEN b."Seats" > 0 AND b."SeatsFilled" >= b."Seats" THEN 1 ELSE 0 END),
               SUM(CASE WHEN b."SeatsFilled" > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN COALESCE(t."Verified", 0) >= 10 THEN 1 ELSE 0 END),
               SUM(COALESCE(t."Verified", 0))
        FROM "Units" b LEFT JOIN "MemberTotals" t ON t."UnitId" = b."Id"
        WHERE b."Depth" = 4 {where} GROUP BY b."{group}";
        """;

    public static async Task<int> CoverageStateAsync(DbConnection c, string group)
    {
        await using var command = c.Command(Coverage("", group));
        return await command.ReadAllAsync();
    }

    public static async Task<int> CoverageDistrictAsync(DbConnection c, int id)
    {
        string path;
        await using (var first = c.Command("SELECT \"Path\" FROM \"Units\" WHERE \"Id\" = @id", ("id", id)))
            path = (string)(await first.ExecuteScalarAsync())!;
        await using var command = c.Command(Coverage("AND b.\"Path\" >= @path AND b.\"Path\" < @pathEnd", "AssemblyConstituencyId"),
            ("path", path), ("pathEnd", Sangathan.Data.PrefixRange.End(path)));
        return await command.ReadAllAsync();
    }

    public static async Task<int> CoverageAcAsync(DbConnection c, int id)
    {
        await using var command = c.Command(Coverage("AND b.\"AssemblyConstituencyId\" = @id", "ParentId"), ("id", id));
        return await command.ReadAllAsync();
    }
}
