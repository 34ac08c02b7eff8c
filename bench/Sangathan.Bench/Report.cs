using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>
/// This benchmark's section of BENCHMARKS.md, between its markers: the how-to, then one block per database.
/// A run on one database replaces that database's block and keeps the other's.
/// </summary>
internal static class Report
{

    const string Intro = """
        ## Pages at full scale: unit pages, completeness, search

        One command runs it all, from the repository root (first run: it loads the full demo into each database, a
        few minutes each, and keeps it in `bench/.data/` and the database `sangathan_bench` for the next runs):

            bench/run                          # SQLite and PostgreSQL, then rewrites this section
            bench/run --fresh                  # reload the full demo first
            bench/run --providers sqlite       # one database; the other's block below stays as it was
            bench/run --requests 200 --warmup 10
            bench/run --providers postgres --show-sql   # one request of each kind, with EF Core's SQL logged

        PostgreSQL: `bench/run` starts its own PostgreSQL 15 (data in `bench/.data/pg`, stopped at the end) unless
        `SANGATHAN_BENCH_PG` holds a server connection string, in which case it uses the database `sangathan_bench` there.

        How it measures (`bench/Sangathan.Bench`): the app runs in the bench's process as production runs it
        (Production environment, logging at Warning, Kestrel on 127.0.0.1), and an `HttpClient` in the same process
        asks for each row's addresses one request at a time, over keep-alive, accepting gzip and Brotli as browsers do;
        each column is the given number of timed requests after a warm-up. **Page** is the HTML page
        (`GET /units/{id}`, `GET /completeness`, and search as its form posts it, `POST /search`), **API** the JSON of
        the same data (`GET /api/v1/units/{id}`, `GET /api/v1/completeness`, `POST /api/v1/search`). **Raw SQL** is the baseline: hand-written SQL over ADO.NET
        (Microsoft.Data.Sqlite or Npgsql) in the same process on the same database, fetching the same rows the page
        shows in the fewest round trips (a pooled connection opened per call, as a request does). **Page ÷ SQL** is
        what EF Core, Razor and HTTP add, at the median. Rows that name several units or terms visit them in turn.
        Every request is signed in, as a war-room administrator (state-wide) with a session the app opened: the
        session lookup each request makes is part of the page's time, and not of the raw SQL.
        Targets: every unit page under 50 ms at p95, the completeness view under 200 ms at p95 (page and API alike).
        Times in milliseconds. The machine may be shared with other work (other sessions' test runs): the load
        average beside each table says how busy it was; above the core count, every time is longer than the app's own.
        """;

    static string Marker(string provider, string section = "pages") => $"<!-- bench:{section}:{provider} -->";
    static string MarkerEnd(string provider, string section = "pages") => $"<!-- /bench:{section}:{provider} -->";

    public static string Block(ProviderResult r, Machine m, BenchOptions o)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(Marker(r.Database.Provider));
        sb.AppendLine($"### {r.Database.Label}").AppendLine();
        sb.AppendLine($"- Run: {r.At.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}; {o.Requests} timed requests per cell after {o.Warmup} warm-up.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.System}; {m.Runtime}. " +
            $"Load average (1, 5, 15 min) {r.LoadBefore} before the timed requests, {r.LoadAfter} after.");
        sb.AppendLine($"- Database: {r.Version}.");
        sb.AppendLine($"- Data: {r.Dataset.Describe()}.").AppendLine();
        sb.AppendLine("| What | Page p50 | Page p95 | Page p99 | Page mean | API p50 | API p95 | Raw SQL p50 | Raw SQL p95 | Page ÷ SQL | Target p95 | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var x in r.Results)
        {
            var target = x.Scenario.TargetP95Ms is { } t ? $"< {t:0} ms" : "none";
            var result = x.Passed switch { true => "pass", false => "**FAIL**", null => "" };
            sb.AppendLine(string.Create(inv, $"| {x.Scenario.Name} | {x.Page.P50:0.0} | {x.Page.P95:0.0} | {x.Page.P99:0.0} | {x.Page.Mean:0.0} | " +
                $"{x.Api.P50:0.0} | {x.Api.P95:0.0} | {x.Raw.P50:0.00} | {x.Raw.P95:0.00} | {x.Page.P50 / x.Raw.P50:0.0}× | {target} | {result} |"));
        }
        foreach (var x in r.Results.Where(x => x.Scenario.Items is not null))
        {
            sb.AppendLine().AppendLine($"{x.Scenario.Name}, one by one ({x.Page.Samples.Count / x.Scenario.Items!.Count} requests each):").AppendLine();
            sb.AppendLine("| Term | Page p50 | Page p95 | API p50 | API p95 | Raw SQL p50 | Raw SQL p95 |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (var k = 0; k < x.Scenario.Items.Count; k++)
            {
                var (page, api, raw) = (x.Page.Of(k, x.Scenario.Items.Count), x.Api.Of(k, x.Scenario.Items.Count), x.Raw.Of(k, x.Scenario.Items.Count));
                sb.AppendLine(string.Create(inv, $"| {x.Scenario.Items[k]} | {page.P50:0.0} | {page.P95:0.0} | {api.P50:0.0} | {api.P95:0.0} | {raw.P50:0.00} | {raw.P95:0.00} |"));
            }
        }
        var failed = r.Results.Where(x => x.Passed == false).Select(x => x.Scenario.Name).ToList();
        sb.AppendLine().AppendLine(failed.Count == 0
            ? $"All targets met on {r.Database.Label}."
            : $"Targets missed on {r.Database.Label}: {string.Join("; ", failed)}.");
        sb.Append(MarkerEnd(r.Database.Provider));
        return sb.ToString();
    }

    public static void Write(string file, IReadOnlyDictionary<string, string> blocks) => Write(file, "pages", Intro, blocks);

    /// <summary>Rewrites one benchmark's section of the file (between its markers), keeping each database's block not run now.</summary>
    public static void Write(string file, string name, string intro, IReadOnlyDictionary<string, string> blocks, string[]? providers = null)
    {
        var (begin, end) = ($"<!-- bench:{name} -->", $"<!-- /bench:{name} -->");
        var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n";
        var section = new StringBuilder().AppendLine(begin).AppendLine(intro.TrimEnd());
        foreach (var provider in providers ?? ["sqlite", "postgres"])
        {
            var block = blocks.TryGetValue(provider, out var fresh) ? fresh : Existing(text, provider, name);
            section.AppendLine().AppendLine(block ?? $"{Marker(provider, name)}\n*Not run yet on {provider}.*\n{MarkerEnd(provider, name)}");
        }
        section.Append(end);

        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + section + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(file, text);
    }

    public static string Open(string provider, string name) => Marker(provider, name);

    public static string Close(string provider, string name) => MarkerEnd(provider, name);

    static string? Existing(string text, string provider, string name)
    {
        var start = text.IndexOf(Marker(provider, name), StringComparison.Ordinal);
        var end = text.IndexOf(MarkerEnd(provider, name), StringComparison.Ordinal);
        return start >= 0 && end > start ? text[start..(end + MarkerEnd(provider, name).Length)] : null;
    }
}
