using System.Globalization;
using System.Text;

namespace Sangathan.Bench;

/// <summary>The member cards benchmark's section of BENCHMARKS.md.</summary>
internal static class CardsReport
{
    const string Name = "cards";

    const string Intro = """
        ## Member cards: one card's PDF, QR verifications, a unit's batch

            bench/run --cards                           # SQLite and PostgreSQL, then rewrites this section
            bench/run --cards --providers sqlite --card-count 2000

        **One card's PDF** (`CardPrinter.Pdf`, what `GET /api/v1/members/{id}/card.pdf` draws), with the bench pinned to
        one core (CPU 0): sign the statement (ECDSA P-256), lay out both sides (HarfBuzz shaping of the member's lines, the
        card's own words shaped once for the process; the QR's modules by our encoder, `QrEncoder`), prune the two fonts to
        the card's glyphs, and write the two CR80 pages with Skia; a distinct member and photo each run, 400 timed runs
        after 50; the PDF written into Skia's native memory and copied out once. **Skia alone** is the baseline: the same
        laid-out marks, fonts and photo written into a new PDF by Skia the same way, the part no card code of ours can
        make faster. Target: under 10 ms.

        **Verifications**: `CardCode.Read` (Base45, the statement, the ECDSA P-256 signature) over 1,000 distinct genuine
        codes for two seconds, on one thread and then on one thread a core (nproc), beside `ECDsa.VerifyData` alone on the
        same bytes the same ways. Target: above 10,000 a second (the issue does not say on one core; the PDF's target does).
        **Online**, in the batch's database: `VerifyCard` as the API runs it (the signature, then the card in use and the
        member still verified, one indexed query), 1,000 of the district's cards, two workers a core each with its own
        database connection, for three seconds; beside `ECDsa.VerifyData` alone on one thread a core.

        **A unit's batch**: a district with N verified members (20 booths, a photo of 20-30 KB each) on a fresh database,
        `GET /api/v1/units/{id}/cards.pdf` (A4 sheets of ten) over HTTP from the app in this process, read as it streams.
        The first request also gives every member their number and first card; the second only draws. The resident
        memory of the whole process (app, Skia and the reading client) is sampled every half second during the second.
        **In process** is the baseline: the same number of cards drawn into a PDF in the bench's process, no database, no HTTP.
        Target: 10,000 cards in under 2 minutes, memory flat. The machine has 2 cores and is shared with other work:
        the load averages say how busy it was.
        """;

    public static string Block(CardsResult r, Machine m)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder().AppendLine(Report.Open("all", Name));
        sb.AppendLine($"- Run: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC, commit {m.Commit}.");
        sb.AppendLine($"- Machine: {m.Cores} cores (nproc), {m.Cpu}, {m.Memory} RAM; {m.Runtime}. Load average (1, 5, 15 min) {r.LoadBefore} before, {r.LoadAfter} after.").AppendLine();

        var x = r.Render;
        var pass = x.Card.P50 < 10 ? "pass" : "**FAIL**";
        sb.AppendLine("| One card's PDF, one core | p50 ms | p95 ms | mean ms | ÷ Skia alone (p50) | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        sb.AppendLine(string.Create(inv, $"| **Card PDF** (sign, lay out, prune fonts, write), {x.PdfBytes / 1024.0:0} KB | **{x.Card.P50:0.00}** | {x.Card.P95:0.00} | {x.Card.Mean:0.00} | {x.Card.P50 / x.Skia.P50:0.0}× | < 10 ms | {pass} |"));
        sb.AppendLine(string.Create(inv, $"| Skia alone (same marks, fonts, photo) | {x.Skia.P50:0.00} | {x.Skia.P95:0.00} | {x.Skia.Mean:0.00} | 1 | | |"));
        sb.AppendLine(string.Create(inv, $"| of which: the QR's modules (QrEncoder) | {x.Qr.P50:0.00} | {x.Qr.P95:0.00} | {x.Qr.Mean:0.00} | | | |"));
        sb.AppendLine(string.Create(inv, $"| of which: laying out both sides (QR included) | {x.Layout.P50:0.00} | {x.Layout.P95:0.00} | {x.Layout.Mean:0.00} | | | |")).AppendLine();

        var v = r.Verify;
        sb.AppendLine($"Verifications: load average {v.Load} when they started; the PDF's: {x.Load}.").AppendLine();
        sb.AppendLine(string.Create(inv, $"| Verifications a second | one thread | ÷ raw | {v.Cores} threads, one a core | ÷ raw | Target | Result |"));
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        var best = Math.Max(v.CardRate, v.CardRateAll);
        sb.AppendLine(string.Create(inv, $"| **CardCode.Read** (Base45, statement, signature) | **{v.CardRate:N0}** | {v.CardRate / v.RawRate:0.00} | **{v.CardRateAll:N0}** | {v.CardRateAll / v.RawRateAll:0.00} | > 10,000 | {(best > 10_000 ? "pass" : "**FAIL**")} ({(v.CardRate > 10_000 ? "one thread" : "all cores")}) |"));
        sb.AppendLine(string.Create(inv, $"| ECDsa.VerifyData on the same bytes | {v.RawRate:N0} | 1 | {v.RawRateAll:N0} | 1 | | |"));
        foreach (var b in r.Batches)
            sb.AppendLine(string.Create(inv, $"| Online: `VerifyCard` on {b.Provider} ({b.Online.Workers} workers; load {b.Online.Load}) | | | {b.Online.Rate:N0} | {b.Online.Rate / b.Online.RawRate:0.00} | | |"));
        sb.AppendLine();

        sb.AppendLine($"Batches: load average {string.Join(", ", r.Batches.Select(b => $"{b.Load} ({b.Provider})"))} when each started.").AppendLine();
        sb.AppendLine("| Batch over HTTP | cards | first (issue + draw) s | draw s | cards/s | PDF MB | memory start → max → end MB | managed heap max MB | in process s | ÷ in process | Target | Result |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |");
        foreach (var b in r.Batches)
        {
            var ok = b.Seconds < 120 * b.Cards / 10_000.0 && b.MemoryMaxMb < b.MemoryFirstMb * 1.5 + 100;
            sb.AppendLine(string.Create(inv, $"| **{b.Version}** | {b.Cards:N0} | {b.FirstSeconds:0.0} | **{b.Seconds:0.0}** | {b.Cards / b.Seconds:0} | {b.Bytes / 1048576.0:0} | {b.MemoryFirstMb:0} → {b.MemoryMaxMb:0} → {b.MemoryLastMb:0} | {b.HeapMaxMb:0} | {b.BaselineSeconds:0.0} | {b.Seconds / b.BaselineSeconds:0.00} | 10,000 < 120 s, flat | {(ok ? "pass" : "**FAIL**")} |"));
        }
        foreach (var b in r.Batches)
        {
            var points = b.Samples.Where((_, i) => i % Math.Max(1, b.Samples.Count / 12) == 0)
                .Select(s => string.Create(inv, $"{s.At:0}s {s.Mb:0}"));
            sb.AppendLine().AppendLine($"Resident memory during the {b.Provider} batch (seconds, MB): {string.Join(" · ", points)}.");
        }
        sb.Append(Report.Close("all", Name));
        return sb.ToString();
    }

    public static void Write(string file, string block) =>
        Report.Write(file, Name, Intro, new Dictionary<string, string> { ["all"] = block }, ["all"]);
}
