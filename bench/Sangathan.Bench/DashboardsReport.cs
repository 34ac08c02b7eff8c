using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>The dashboards benchmark's section of BENCHMARKS.md.</summary>
internal static class DashboardsReport
{
    const string Name = "dashboards";

    const string Intro = """
        ## The war room's dashboards with members at scale

            bench/run --dashboards --members 1000000              # SQLite and PostgreSQL, then rewrites this section
            bench/run --dashboards --members 10000000 --providers postgres --requests 200

        The full demo of the page benchmark (kept in `bench/.data/` and `sangathan_bench`), topped up once to the members
        asked for by the demo generator (`seed-demo members N` does the same to any loaded demo): members over the last 90
        days at each district's pace, by the booths' and mandals' presidents under grants, a tenth online, most verified,
        3% flagged; their tallies written with them by the fold's own rules. Timed one request at a time over HTTP as the
        war room's administrator, compressed as a phone gets it: **the page** (`/units/{id}/drive`, `/constituencies/{id}/drive`,
        `.../coverage`), **the API** (`/api/v1/...` the same as JSON) and **raw SQL**: the same figures written by hand over the
        same tallies, in one round trip, on a connection of its own. The drive reads a unit's tally rows by key (a
        constituency sums its booths' rows), so its time does not grow with the members; booth coverage is one grouped
        scan of the booths' own counters joined to their one-row totals (54,000 rows for the state). Target: every page
        and API under 200 ms at p95. The machine has 2 cores and is shared with other work: the load averages say how busy it was.
        """;

    public static string Block(DashboardsResult r, Machine m)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder().AppendLine(Report.Open(r.Provider, Name));
        sb.AppendLine($"### {r.Database} ({r.Version})").AppendLine();
        sb.AppendLine($"- Run: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}.");
        sb.AppendLine($"- Data: {r.Dataset.Describe()}; **{r.Members:N0} members**.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.Runtime}. Load average (1, 5, 15 min) {r.LoadBefore} before, {r.LoadAfter} after.").AppendLine();
        sb.AppendLine("| What | Page p50 | Page p95 | Page p99 | API p50 | API p95 | Raw SQL p50 | Raw SQL p95 | Page ÷ SQL | Target p95 | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var x in r.Results)
            sb.AppendLine(string.Create(inv, $"| {x.Scenario.Name} | {x.Page.P50:0.0} | {x.Page.P95:0.0} | {x.Page.P99:0.0} | {x.Api.P50:0.0} | {x.Api.P95:0.0} | {x.Raw.P50:0.00} | {x.Raw.P95:0.00} | {x.Page.P50 / x.Raw.P50:0.0}× | < 200 ms | {(x.Passed == true ? "pass" : "**FAIL**")} |"));
        sb.AppendLine().AppendLine(r.Results.All(x => x.Passed == true) ? $"All targets met on {r.Database}." : $"Some targets missed on {r.Database}.");
        sb.Append(Report.Close(r.Provider, Name));
        return sb.ToString();
    }

    public static void Write(string file, IReadOnlyDictionary<string, string> blocks) => Report.Write(file, Name, Intro, blocks);
}
