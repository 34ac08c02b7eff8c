using System.Data.Common;
using Sangathan.People;

namespace Sangathan.Bench;

internal sealed record SearchTerm(string Text, string? Mobile);

internal sealed record UnitSample(string Label, IReadOnlyList<int> Ids);

/// <summary>What the benchmark asks for: the state, the biggest district, random units of each lower level, search terms.</summary>
internal sealed record Targets(UnitSample State, UnitSample District, UnitSample Blocks, UnitSample Mandals, UnitSample Booths,
    IReadOnlyList<SearchTerm> Terms)
{
    // Fixed, so that every run and both databases visit the same units (ids are the same: the demo assigns them).
    const int SampleSeed = 42;

    public static async Task<Targets> PickAsync(BenchDatabase database)
    {
        await using var c = database.Connect();
        await c.OpenAsync();
        var state = (await c.ListAsync("""SELECT "Id" FROM "Units" WHERE "ParentId" IS NULL ORDER BY "Id" LIMIT 1""", r => r.GetInt32(0)))[0];
        var (district, name, blocks, booths) = (await c.ListAsync("""
            SELECT d."Id", d."NameEn", (SELECT COUNT(*) FROM "Units" b WHERE b."ParentId" = d."Id"), x.n
            FROM (SELECT "RegionId", COUNT(*) AS n FROM "Units" WHERE "Depth" = 4 GROUP BY "RegionId") x
            JOIN "Units" d ON d."Id" = x."RegionId"
            ORDER BY x.n DESC, d."Id" LIMIT 1
            """, r => (r.GetInt32(0), r.GetString(1), Convert.ToInt32(r.GetValue(2)), Convert.ToInt32(r.GetValue(3)))))[0];
        var rng = new Random(SampleSeed);
        return new Targets(
            new("State page", [state]),
            new($"District page ({name}: {blocks} blocks, {booths:N0} booths)", [district]),
            new("Block page (50 random blocks)", await SampleAsync(c, 2, 50, rng)),
            new("Mandal page (100 random mandals)", await SampleAsync(c, 3, 100, rng)),
            new("Booth page (200 random booths)", await SampleAsync(c, 4, 200, rng)),
            await TermsAsync(c, rng));
    }

    static async Task<List<int>> SampleAsync(DbConnection c, int depth, int count, Random rng)
    {
        var ids = await c.ListAsync("""SELECT "Id" FROM "Units" WHERE "Depth" = @d ORDER BY "Id" """, r => r.GetInt32(0), ("d", depth));
        return ids.OrderBy(_ => rng.Next()).Take(count).ToList();
    }

    /// <summary>Common first names and a surname in both scripts, and mobiles of real rows written as people type them.</summary>
    static async Task<List<SearchTerm>> TermsAsync(DbConnection c, Random rng)
    {
        var mobiles = await c.ListAsync("""SELECT "Mobile" FROM "People" WHERE "Mobile" IS NOT NULL ORDER BY "Id" LIMIT 2000""",
            r => r.GetString(0));
        var typed = mobiles.OrderBy(_ => rng.Next()).Take(2).Select(m => $"{m[3..8]} {m[8..]}").ToList();
        // "meena" is a surname: search matches any word of a name, so it finds every Meena (and Mina, Meenakshi ...).
        string[] names = ["ramesh", "सुनील", "meena", "sunita", "गीता", "om prakash"];
        return names.Concat(typed).Select(t => new SearchTerm(t, PersonRules.NormalizeMobile(t))).ToList();
    }
}
