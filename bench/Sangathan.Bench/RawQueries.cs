using System.Data.Common;

namespace Sangathan.Bench;

/// <summary>
/// The baseline: the same data each page shows, fetched with hand-written SQL and no EF Core, Razor or HTTP,
/// in as few round trips as the data allows (a unit page needs its row before the rest: two).
/// </summary>
internal static class RawQueries
{
    const string UnitRow = """
        SELECT u."Path", u."LevelId", l."Depth", u."AssemblyConstituencyId", c."ParentId",
               u."Id", u."Code", u."NameEn", u."NameHi", u."ParentId", u."PartNumber", u."Seats", u."SeatsFilled",
               u."SubtreeSeats", u."SubtreeFilled", l."Key", l."NameEn", l."NameHi", c."NameEn"
        FROM "Units" u JOIN "Levels" l ON l."Id" = u."LevelId"
        LEFT JOIN "Constituencies" c ON c."Id" = u."AssemblyConstituencyId"
        WHERE u."Id" = @id
        """;

    const string UnitRest = """
        SELECT a."Id", pe."Id", p."Key", p."NameEn", p."NameHi", p."Rank", pe."NameEn", pe."NameHi", pe."Mobile",
               pe."Email", pe."WhatsApp", pe."PhotoId", pe."Village", a."From"
        FROM "Appointments" a JOIN "Posts" p ON p."Id" = a."PostId" JOIN "People" pe ON pe."Id" = a."PersonId"
        WHERE a."UnitId" = @id AND a."Until" IS NULL
        ORDER BY p."Rank", a."From", a."Id";
        SELECT "Id", "Key", "NameEn", "NameHi", "Seats", "Rank" FROM "Posts" WHERE "LevelId" = @level ORDER BY "Rank";
        SELECT "Id", "Key", "NameEn", "NameHi", "Depth" FROM "Levels" WHERE "Depth" = @depth + 1;
        SELECT COUNT(*) FROM "Units" WHERE "ParentId" = @id;
        SELECT u."Id", u."Code", u."NameEn", u."NameHi", u."SubtreeSeats", u."SubtreeFilled", pe."Id", pe."NameEn", pe."NameHi", pe."Mobile"
        FROM (SELECT "Id", "Code", "NameEn", "NameHi", "SubtreeSeats", "SubtreeFilled" FROM "Units"
              WHERE "ParentId" = @id ORDER BY "NameEn", "Id" LIMIT 100) u
        LEFT JOIN "Appointments" a ON a."UnitId" = u."Id" AND a."Until" IS NULL AND a."PostId" =
            (SELECT p."Id" FROM "Posts" p JOIN "Levels" l ON l."Id" = p."LevelId" WHERE l."Depth" = @depth + 1 ORDER BY p."Rank" LIMIT 1)
        LEFT JOIN "People" pe ON pe."Id" = a."PersonId"
        ORDER BY u."NameEn", u."Id";
        SELECT pe."Id", pe."NameEn", pe."NameHi", c."Kind", c."Number", c."NameEn", c."NameHi", pe."PhotoId", pe."Mobile"
        FROM "Representatives" r JOIN "Constituencies" c ON c."Id" = r."ConstituencyId" JOIN "People" pe ON pe."Id" = r."PersonId"
        WHERE r."Until" IS NULL AND r."ConstituencyId" IN
            (SELECT "ConstituencyId" FROM "ConstituencyUnits" WHERE "UnitId" = @id UNION ALL SELECT @ac UNION ALL SELECT @pc)
        ORDER BY c."Kind" DESC, c."Number"
        """;

    public static async Task<int> UnitPageAsync(DbConnection connection, int id)
    {
        string path;
        int level, depth;
        int? ac, pc;
        await using (var command = connection.Command(UnitRow, ("id", id)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"No unit {id}");
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            (path, level, depth, ac, pc) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.IntOrNull(3), reader.IntOrNull(4));
        }

        var ancestors = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).SkipLast(1).ToList();
        var (list, parameters) = Sql.InList("a", ancestors);
        var crumbs = ancestors.Count == 0 ? ""
            : $"""SELECT "Id", "Code", "NameEn", "NameHi" FROM "Units" WHERE "Id" IN ({list}) ORDER BY "Depth";""";
        await using var rest = connection.Command(crumbs + UnitRest,
            [("id", id), ("level", level), ("depth", depth), ("ac", ac), ("pc", pc), .. parameters]);
        return 1 + await rest.ReadAllAsync();
    }

    public static async Task<int> CompletenessAsync(DbConnection connection)
    {
        var (path, rows) = ("", 0);
        await using (var command = connection.Command("""
            SELECT "Path", "Id", "Code", "NameEn", "NameHi" FROM "Units" WHERE "ParentId" IS NULL ORDER BY "Id" LIMIT 1
            """))
        {
            path = (string)(await command.ExecuteScalarAsync())!;
        }
        var regions = new HashSet<int>();
        await using (var command = connection.Command("""
            SELECT "RegionId", "LevelId", COUNT(*), SUM(CASE WHEN "SeatsFilled" > 0 THEN 1 ELSE 0 END), SUM("Seats"),
                   SUM("SeatsFilled"), SUM("HoldersWithoutPhoto"), SUM("HoldersWithoutMobile")
            FROM "Units" WHERE "Path" >= @path AND "Path" < @end GROUP BY "RegionId", "LevelId";
            SELECT "Id", "Key", "NameEn", "NameHi", "Depth" FROM "Levels" ORDER BY "Depth"
            """, ("path", path), ("end", path + "\uffff")))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
                if (reader.IntOrNull(0) is { } region) regions.Add(region);
                rows++;
            }
            await reader.NextResultAsync();
            while (await reader.ReadAsync()) rows++;
        }
        var (list, parameters) = Sql.InList("r", regions.ToList());
        await using var names = connection.Command(
            $"""SELECT "Id", "Code", "NameEn", "NameHi" FROM "Units" WHERE "Id" IN ({list})""", parameters);
        return rows + await names.ReadAllAsync();
    }

    // People and members: the words index (PersonWords, MemberWords), as SearchDirectory reads it: the longest word's
    // range in order, each other word looked up for the person it brings; then how many, counted up to 1,001.
    static string ByWords(string words, string owner, string table, string columns, int others) => $"""
        SELECT {columns} FROM "{words}" w JOIN "{table}" x ON x."Id" = w."{owner}"
        WHERE w."Word" >= @k0 AND w."Word" < @k0End {Others(words, owner, others)}
        ORDER BY w."Word", w."{owner}" LIMIT 40;
        SELECT w."{owner}" FROM "{words}" w WHERE w."Word" >= @k0 AND w."Word" < @k0End {Others(words, owner, others)} LIMIT 1001;
        """;

    static string Others(string words, string owner, int others) => string.Concat(Enumerable.Range(1, others).Select(i =>
        $"""AND EXISTS (SELECT 1 FROM "{words}" o WHERE o."{owner}" = w."{owner}" AND o."Word" >= @k{i} AND o."Word" < @k{i}End) """));

    const string UnitsByNameOrCode = """
        SELECT u."Id", u."Code", u."NameEn", u."NameHi", l."NameEn", l."NameHi"
        FROM "Units" u JOIN "Levels" l ON l."Id" = u."LevelId"
        WHERE (u."NameKey" >= @key AND u."NameKey" < @keyEnd) OR (u."NameHi" >= @q AND u."NameHi" < @qEnd)
           OR (u."Code" >= @code AND u."Code" < @codeEnd)
        ORDER BY u."Depth", u."NameKey", u."Id" LIMIT 20
        """;

    /// <summary>The query a search runs, from the already cleaned and normalized term (mobile in E.164, or a name).</summary>
    public static async Task<int> SearchAsync(DbConnection connection, SearchTerm term)
    {
        if (term.Mobile is { } mobile)
        {
            await using var byMobile = connection.Command("""
                SELECT "Id", "NameEn", "NameHi", "Mobile", "PhotoId", "Village" FROM "People" WHERE "Mobile" = @m
                """, ("m", mobile));
            return await byMobile.ReadAllAsync();
        }
        var (q, key, code) = (term.Text, term.Text.ToLowerInvariant(), term.Text.ToUpperInvariant());
        var keys = Sangathan.Search.NameKeys.OfQuery(q).OrderByDescending(k => k.Length).ToList();
        var others = keys.Count - 1;
        var sql = ByWords("PersonWords", "PersonId", "People", """x."Id", x."NameEn", x."NameHi", x."Mobile", x."PhotoId", x."Village" """, others)
            + ByWords("MemberWords", "MemberId", "Members", """x."Id", x."NameEn", x."NameHi", x."Mobile", x."BoothId", x."Status" """, others)
            + UnitsByNameOrCode;
        var parameters = new List<(string, object?)> { ("key", key), ("keyEnd", Sangathan.Data.PrefixRange.End(key)), ("q", q), ("qEnd", Sangathan.Data.PrefixRange.End(q)), ("code", code), ("codeEnd", Sangathan.Data.PrefixRange.End(code)) };
        for (var i = 0; i < keys.Count; i++) parameters.AddRange([($"k{i}", keys[i]), ($"k{i}End", Sangathan.Data.PrefixRange.End(keys[i]))]);
        await using var byName = connection.Command(sql, [.. parameters]);
        return await byName.ReadAllAsync();
    }
}
