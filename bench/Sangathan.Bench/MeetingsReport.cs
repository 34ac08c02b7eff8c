using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>The meetings benchmark's section of BENCHMARKS.md.</summary>
internal static class MeetingsReport
{
    const string Name = "meetings";

    const string Intro = """
        ## Meetings: the per-unit report of a district

            bench/run --meetings                        # SQLite and PostgreSQL, then rewrites this section
            bench/run --meetings --providers sqlite --requests 100

        A fresh database with a district of 400 units (20 blocks of 19 mandals, made through the API) and a year of
        meetings at them (about two a unit a month, their counters set; every tenth unit none this month). Timed one at a
        time over HTTP as the war room's administrator, compressed as a phone gets it: **the page**
        `GET /units/{id}/meetings/report` (12 months and all 400 units rendered in Razor), **the API**
        `GET /api/v1/units/{id}/meetings/report` (the same as JSON), and **without** its mandals that held no meeting this
        month (`?level=mandal&without=true`). **Raw SQL** is the baseline: the same two aggregations (by month, by unit),
        written by hand and read row by row on a connection of the bench's own to the same database, no HTTP, no app.
        The report reads one row a meeting (its counters), grouped in the database over an index range of the units'
        paths and the meetings' (unit, month) index; never one query a unit. Target: the page under 200 ms.
        The machine has 2 cores and is shared with other work: the load averages say how busy it was.
        """;

    public static string Block(MeetingsResult r, Machine m)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder().AppendLine(Report.Open(r.Provider, Name));
        sb.AppendLine($"### {r.Database} ({r.Version})").AppendLine();
        sb.AppendLine($"- Run: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}; {r.Units} units, {r.Meetings:N0} meetings, {r.WithoutThisMonth} units without one this month.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.Runtime}. Load average (1, 5, 15 min) {r.LoadBefore} before, {r.LoadAfter} after.").AppendLine();
        sb.AppendLine("| Per-unit report, 400 units | p50 ms | p95 ms | p99 ms | ÷ raw SQL (p50) | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        Row(sb, "**Page** (HTML)", r.Page, r.Raw, "< 200 ms", r.Page.P50 < 200 ? "pass" : "**FAIL**");
        Row(sb, "API (JSON)", r.Api, r.Raw, "", "");
        Row(sb, "API, mandals without a meeting this month", r.Without, r.Raw, "", "");
        Row(sb, "Raw SQL, the same aggregations", r.Raw, r.Raw, "", "");
        sb.Append(Report.Close(r.Provider, Name));
        return sb.ToString();
    }

    static void Row(StringBuilder sb, string what, Timing t, Timing raw, string target, string result) =>
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {t.P50:0.0} | {t.P95:0.0} | {t.P99:0.0} | {t.P50 / raw.P50:0.0}× | {target} | {result} |"));

    public static void Write(string file, IReadOnlyDictionary<string, string> blocks) => Report.Write(file, Name, Intro, blocks);
}
