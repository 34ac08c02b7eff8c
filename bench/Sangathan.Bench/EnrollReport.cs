using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>The enrollment benchmark's section of BENCHMARKS.md.</summary>
internal static class EnrollReport
{
    const string Name = "enroll";

    const string Intro = """
        ## Enrolling members at the surge

            bench/run --enroll                     # PostgreSQL, then rewrites this section

        Eight phones post members at once to `POST /api/v1/members` over HTTP, each enrollment as the next of 160
        enrollers (district office bearers, each under the war room's grant, each signed in with their own token), as
        in the field, where a worker enrolls a few members an hour, not a hundred a minute. Each body is JSON with a
        camera photo of about 50 KB in base64 (a different picture for every member), a new voter ID and
        mobile, consent, cash fee, written as UTF-8 with its length known, as a phone's app sends it. Each enrollment is
        checked (voter ID format, mobile, the photo decoded at an eighth of its size to prove it an image and take
        its perceptual hash, its metadata cut away), then saved in one transaction (the photo, the grant's quota
        spent, the member, their count change, confirmation link and audit entry) and acknowledged only once committed;
        the duplicate voter ID or request key and the booth outside the grants are refused by the same statements.
        The confirmation SMS to the member is printed to the console here. After warm-up rounds of 250 enrollments, two
        seconds apart (the JIT's background tier-up needs idle moments, which a server has), until a round leaves .NET's
        tiered JIT nearly idle (fewer than 40 methods compiled; a server runs a drive for days, and its first minutes'
        less optimized code is not what it sustains), 4,000 are timed. **Raw** is the baseline: `pgbench` at the
        same concurrency (8 clients) against the same server, each transaction the same six rows an enrollment writes,
        by hand-written SQL in one transaction: the 50 KB photo in its own row (stored as the app stores photos,
        `STORAGE EXTERNAL`: out of line, not compressed again), the grant's quota spent (each client its own grant),
        the member with all their columns, the confirmation link, the count change and an audit entry holding the
        member's columns as JSON, into copies of the app's tables with all their columns and indexes
        (`LIKE ... INCLUDING ALL`). PostgreSQL runs with `fsync=off`, as in every benchmark here. Target: the app at
        least half the raw rate.
        **Bare HTTP endpoint** is a floor, measured first: the same bodies from the same clients, posted to an ASP.NET
        Core endpoint in the bench's process that reads each into the app's `MemberInput` (photo decoded from base64)
        and answers 201, checking and saving nothing (`bench/Sangathan.Bench/HttpFloor.cs`): what HTTP and JSON alone
        cost here, which no enrollment over HTTP can spend less than.

        The machine is shared: while others' builds and tests run, both sides get a smaller share of the two cores, and
        by different amounts, since they do not run at the same moment. So the CPU time each side spends per member is
        read from /proc beside the rates: it does not grow when the side waits for a core. **CPU per member** counts the
        bench's process (the app, and the eight phones' HTTP clients, which live in it) or pgbench, and the PostgreSQL
        server's processes. With the cores to themselves and the CPU as the limit, the rates would stand in the inverse
        ratio of these totals.
        """;

    public static string Block(EnrollResult r, Machine m)
    {
        var inv = CultureInfo.InvariantCulture;
        var ratio = r.AppRate / r.RawRate;
        var sb = new StringBuilder().AppendLine(Report.Open("postgres", Name));
        sb.AppendLine("### PostgreSQL").AppendLine();
        sb.AppendLine($"- Run: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}; load average after: {r.Load}.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.Runtime}. Database: {r.Version}.");
        sb.AppendLine(string.Create(inv, $"- {r.Members:N0} enrollments by {r.Clients} clients at once, after {r.Warmed:N0} to warm up ({r.Jitted:N0} methods compiled while timed); photos {r.PhotoBytes / 1024.0:0} KB on average.")).AppendLine();
        sb.AppendLine("| What | Members per second | ÷ raw | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | --- | --- |");
        sb.AppendLine(string.Create(inv, $"| **Enrollment over HTTP** ({r.AppSeconds:0.0} s) | **{r.AppRate:0}** | {ratio:0.00} | ≥ 0.5 | {(ratio >= 0.5 ? "pass" : "**FAIL**")} |"));
        sb.AppendLine(string.Create(inv, $"| Raw transaction of the same six rows (pgbench) | {r.RawRate:0} | 1 | | |"));
        sb.AppendLine(string.Create(inv, $"| Bare HTTP endpoint (the same bodies read and answered; nothing checked or saved) | {r.FloorRate:0} | {r.FloorRate / r.RawRate:0.00} | | |")).AppendLine();
        sb.AppendLine("| CPU per member (ms) | Client side | PostgreSQL | Total | raw ÷ app |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        double Ms(double seconds) => seconds * 1000 / r.Members;
        var app = Ms(r.AppCpu.Self + r.AppCpu.Database);
        var raw = Ms(r.RawCpu.Children + r.RawCpu.Database);
        sb.AppendLine(string.Create(inv, $"| Enrollment over HTTP (client side: the app and the phones' HTTP clients) | {Ms(r.AppCpu.Self):0.00} | {Ms(r.AppCpu.Database):0.00} | {app:0.00} | {raw / app:0.00} |"));
        sb.AppendLine(string.Create(inv, $"| Raw six-row transactions (client side: pgbench) | {Ms(r.RawCpu.Children):0.00} | {Ms(r.RawCpu.Database):0.00} | {raw:0.00} | 1 |"));
        var floor = Ms(r.FloorCpu.Self);
        sb.AppendLine(string.Create(inv, $"| Bare HTTP endpoint (client side: the endpoint and the phones' HTTP clients) | {floor:0.00} | | {floor:0.00} | |")).AppendLine();
        var bound = raw / (floor + Ms(r.RawCpu.Database));
        sb.AppendLine(string.Create(inv, $"The least any enrollment over HTTP could cost here is the bare endpoint's client side plus raw's PostgreSQL work, {floor + Ms(r.RawCpu.Database):0.00} ms a member: with the CPU as the limit, no app could pass {bound:0.00} of raw's rate on this machine, even one that kept no audit entry, quota, confirmation link or count."));
        sb.Append(Report.Close("postgres", Name));
        return sb.ToString();
    }

    /// <summary>PostgreSQL only: pgbench, the baseline, is PostgreSQL's.</summary>
    public static void Write(string file, IReadOnlyDictionary<string, string> blocks) => Report.Write(file, Name, Intro, blocks, ["postgres"]);
}
