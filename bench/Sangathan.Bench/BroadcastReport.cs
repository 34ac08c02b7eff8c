using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>The broadcast benchmark's section of BENCHMARKS.md.</summary>
internal static class BroadcastReport
{
    const string Name = "broadcasts";

    const string Intro = """
        ## A broadcast to a million members: queueing, and handing messages to Kannel

            bench/run --broadcast                  # PostgreSQL and Kannel (started by bench/run), then rewrites this section

        The data (`bench/Sangathan.Bench/BroadcastBench.cs`), made with set-based SQL in a fresh database: a state, ten
        districts, a thousand booths and 1,000,000 verified members (one in ten reading English), enrolled 30 days before;
        the app server is started afresh on them, so its flag checker takes them as looked at already, as a running
        server would have as they enrolled (started before they existed, it read all million beside the first round). **Queue** is the app's
        own `QueueBroadcast.RunAsync`, as the outbox worker runs it when a broadcast's time comes: in one transaction, the
        conditional update that claims the broadcast, the audience resolved, the one `INSERT ... SELECT` of the whole
        audience into the outbox (the audience query with its first-channel choice, opt-outs left out, `ON CONFLICT DO
        NOTHING` on the outbox's unique index of broadcast, channel and address), the count and the audit entry. **Raw
        INSERT ... SELECT** is the baseline: the same million rows written by hand-written SQL (members joined to their
        booth) into a copy of the outbox table with all its indexes (`LIKE "BroadcastMessages" INCLUDING ALL`), from an
        emptied outbox each time. Two rounds of each, alternating; the table shows each.

        **Sending** is the app's outbox workers (four claim loops for SMS on one app server, batches of 50 claimed with
        `FOR UPDATE SKIP LOCKED`, the whole batch in flight to smsbox over keep-alive, results written back in one
        statement per batch) sending one district's 100,000 members to Kannel (bearerbox, smsbox and the fake SMSC,
        on loopback, as `scripts/test` runs them), each message Hindi (UCS-2) with its sender ID, DLT template id and a
        delivery-report URL, Kannel's reports (two a message: taken by the SMSC, delivered) coming back to the app and
        applied in groups. Timed over 40,000 messages after the first thousand, counted in the outbox as handed to Kannel.
        **Raw sendsms** is the baseline: the bench itself calling smsbox's sendsms with the same kind of message and
        parameters (reports to the same app), as many requests in flight, no database. PostgreSQL runs with
        `fsync=off`, as in every benchmark here. Targets: queued in under 15 s; more than 1,000 messages a second to Kannel.
        """;

    public static string Block(BroadcastResult r, Machine m)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder().AppendLine(Report.Open("postgres", Name));
        sb.AppendLine("### PostgreSQL").AppendLine();
        sb.AppendLine($"- Run: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}; load average after: {r.Load}.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.Runtime}. Database: {r.Version}.").AppendLine();
        sb.AppendLine("| What | Rows | Round 1 | Round 2 | Best ÷ raw best | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        var best = r.QueueSeconds.Min();
        sb.AppendLine(string.Create(inv, $"| **Queue a broadcast (app)** | {r.Recipients:N0} | {r.QueueSeconds[0]:0.0} s | {r.QueueSeconds[1]:0.0} s | {best / r.RawSeconds.Min():0.00} | < 15 s | {(best < 15 ? "pass" : "**FAIL**")} |"));
        sb.AppendLine(string.Create(inv, $"| Raw INSERT ... SELECT | {r.Recipients:N0} | {r.RawSeconds[0]:0.0} s | {r.RawSeconds[1]:0.0} s | 1 | | |")).AppendLine();
        sb.AppendLine("| What | Messages | In flight | Messages per second | ÷ raw | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        sb.AppendLine(string.Create(inv, $"| **Outbox workers to Kannel (app)** | {r.Sent:N0} | {r.InFlight} | **{r.SendRate:0}** | {r.SendRate / r.RawSendRate:0.00} | > 1,000/s | {(r.SendRate > 1000 ? "pass" : "**FAIL**")} |"));
        sb.AppendLine(string.Create(inv, $"| Raw sendsms calls | {BroadcastBench.Sends:N0} | {r.InFlight} | {r.RawSendRate:0} | 1 | | |"));
        sb.Append(Report.Close("postgres", Name));
        return sb.ToString();
    }

    public static void Write(string file, IReadOnlyDictionary<string, string> blocks) => Report.Write(file, Name, Intro, blocks, ["postgres"]);
}
