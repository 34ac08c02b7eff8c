using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>The import benchmark's section of BENCHMARKS.md.</summary>
internal static class ImportReport
{
    const string Name = "import";

    const string Intro = """
        ## Importing 54,000 booths with their presidents from one .xlsx

            bench/run --import                     # SQLite and PostgreSQL, then rewrites this section
            bench/run --import --providers sqlite

        The file (`bench/Sangathan.Bench/ImportFile.cs`): a title row, Hindi headers, then 54,000 rows of district,
        block, mandal, booth number, polling station (its building and village, in Hindi and in English), post, the
        president's name in English and Hindi (drawn as the demo draws names), mobile, voter ID, village, jurisdiction,
        e-mail, WhatsApp, Facebook, X and Instagram handles (random, so the file compresses no better than a real one),
        gender and date of birth: 20 columns, about 9 MB of .xlsx, nested as the brief counts
        the organization (33 districts, 400 blocks, 2,200 mandals). Each run starts from an empty database holding only
        the state and its 33 districts, so the import creates 400 blocks, 2,200 mandals, 54,000 booths, 54,000 people and
        54,000 appointments, with an audit entry (before and after) for each. It goes through the app's HTTP API as the
        page does: upload, background check (nothing saved), commit (saved in checkpointed chunks), polled until done.
        **Again** is the same file uploaded, checked and committed a second time: it must change nothing. **Raw SQL**
        is the baseline: the same booths, people and appointments written by hand-written prepared INSERTs in one
        transaction into plain tables of the same database, with no lookups, validation, audit or counters. The server
        is the app as production runs it, in a process of its own (`dotnet src/Sangathan/bin/Release/net10.0/Sangathan.dll`,
        Production, logging at Warning, its own runtimeconfig: workstation GC, `ConserveMemory` 7; see
        `bench/Sangathan.Bench/ServerProcess.cs`); the bench's client, the file and the baseline live in the bench's
        process. **Peak memory** is that server process's resident memory (VmRSS in /proc/PID/status: managed heap,
        JIT'd code, native libraries and SQLite's or Npgsql's buffers alike) sampled every 100 ms over both imports;
        beside it, at start (the server started and answering, before the first upload), and the kernel's own
        high-water mark for the process (VmHWM) at the end, and the peak's parts (RssAnon: the GC's heap and native
        allocations; RssFile: the mapped libraries and assemblies; RssShmem: the JIT's code, mapped twice under W^X).
        Beside the seconds, the CPU time the server process spent (user and system, from /proc/PID/stat; the database
        server's own, PostgreSQL's, is not in it): on a shared machine it says how much of the wall time was the
        import's own work. PostgreSQL runs with `fsync=off` here, which flatters
        the many small commits of the import and the single one of the baseline alike.
        Targets: upload to committed under 60 s; memory under 500 MB.
        """;

    public static string Block(ImportResult r, Machine m)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = r.CheckSeconds + r.CommitSeconds;
        var mb = r.PeakBytes / 1024.0 / 1024.0;
        var sb = new StringBuilder().AppendLine(Report.Open(r.Database == "SQLite" ? "sqlite" : "postgres", Name));
        sb.AppendLine($"### {r.Database}").AppendLine();
        sb.AppendLine($"- Run: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}; load average after: {r.Load}.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.Runtime}. Database: {r.Version}.");
        sb.AppendLine(string.Create(inv, $"- File: {r.FileBytes / 1024.0 / 1024.0:0.0} MB of .xlsx, {r.Rows:N0} rows committed.")).AppendLine();
        sb.AppendLine("| What | Seconds | ÷ raw SQL | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | --- | --- |");
        sb.AppendLine(string.Create(inv, $"| Upload and check (server CPU {r.CheckCpuSeconds:0.0} s) | {r.CheckSeconds:0.0} | {r.CheckSeconds / r.RawSeconds:0.0}× | | |"));
        sb.AppendLine(string.Create(inv, $"| Commit (server CPU {r.CommitCpuSeconds:0.0} s) | {r.CommitSeconds:0.0} | {r.CommitSeconds / r.RawSeconds:0.0}× | | |"));
        sb.AppendLine(string.Create(inv, $"| **Upload to committed** | **{total:0.0}** | {total / r.RawSeconds:0.0}× | < 60 s | {(total < 60 ? "pass" : "**FAIL**")} |"));
        sb.AppendLine(string.Create(inv, $"| Same file again (upload, check, commit) | {r.AgainSeconds:0.0} | {r.AgainSeconds / r.RawSeconds:0.0}× | changes nothing | {(r.AgainChangedNothing && r.AgainUnchanged == r.Rows ? $"pass: {r.AgainUnchanged:N0} rows unchanged" : "**FAIL**")} |"));
        sb.AppendLine(string.Create(inv, $"| Raw SQL insert of the same rows | {r.RawSeconds:0.0} | 1× | | |"));
        sb.AppendLine(string.Create(inv, $"| Peak memory of the server process (MB) | {mb:0} (at start {r.StartBytes / 1024.0 / 1024.0:0}; VmHWM {r.HighWaterBytes / 1024.0 / 1024.0:0}; at the peak: anonymous {r.AtPeak.Anon / 1024.0 / 1024.0:0}, files {r.AtPeak.File / 1024.0 / 1024.0:0}, shared {r.AtPeak.Shmem / 1024.0 / 1024.0:0}) | | < 500 MB | {(mb < 500 ? "pass" : "**FAIL**")} |"));
        sb.Append(Report.Close(r.Database == "SQLite" ? "sqlite" : "postgres", Name));
        return sb.ToString();
    }

    public static void Write(string file, IReadOnlyDictionary<string, string> blocks) => Report.Write(file, Name, Intro, blocks);
}
