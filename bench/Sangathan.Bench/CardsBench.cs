using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sangathan.Cards;
using Sangathan.Data;
using Sangathan.Membership;
using SkiaSharp;

namespace Sangathan.Bench;

internal sealed record Timings(double P50, double P95, double Mean)
{
    public static Timings Of(List<double> ms)
    {
        ms.Sort();
        return new(ms[ms.Count / 2], ms[(int)(ms.Count * 0.95)], ms.Average());
    }
}

internal sealed record RenderResult(int Runs, Timings Card, Timings Skia, Timings Qr, Timings Layout, int PdfBytes, string Load);

/// <summary>Verifications a second on one thread, and on as many threads as the machine has cores.</summary>
internal sealed record VerifyResult(int Codes, double Seconds, double CardRate, double RawRate, int Cores, double CardRateAll, double RawRateAll,
    string Load);

/// <summary><see cref="VerifyCard"/> as the app runs it (signature, then the card and member in the database), over all cores.</summary>
internal sealed record OnlineResult(int Workers, double Rate, double RawRate, string Load);

internal sealed record BatchResult(string Provider, string Version, int Cards, double IssueSeconds, double FirstSeconds, double Seconds,
    long Bytes, double MemoryFirstMb, double MemoryMaxMb, double MemoryLastMb, double HeapMaxMb, List<(double At, double Mb)> Samples,
    double BaselineSeconds, string Load, OnlineResult Online);

internal sealed record CardsResult(RenderResult Render, VerifyResult Verify, List<BatchResult> Batches, string LoadBefore, string LoadAfter);

/// <summary>
/// Member cards: one card's PDF drawn on one core beside Skia alone writing the same page; card QR verifications a
/// second beside ECDsa.VerifyData on the same bytes; and a unit's batch of N cards streamed over HTTP from each database
/// with the server's memory sampled, beside the same cards drawn in the process with no database or HTTP.
/// </summary>
internal static class CardsBench
{
    public static async Task<CardsResult> RunAsync(BenchOptions options)
    {
        var loadBefore = Machine.LoadAverage();
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The cards bench pins itself to a core, as Linux allows.");
        var render = Render();
        Console.WriteLine($"render: card p50 {render.Card.P50:0.00} ms, skia alone {render.Skia.P50:0.00} ms");
        var verify = Verify();
        Console.WriteLine($"verify: {verify.CardRate:0}/s, raw {verify.RawRate:0}/s; on {verify.Cores} cores {verify.CardRateAll:0}/s, raw {verify.RawRateAll:0}/s");
        var batches = new List<BatchResult>();
        foreach (var provider in options.Providers)
        {
            batches.Add(await BatchAsync(provider, options));
            Console.WriteLine($"batch on {provider}: {batches[^1].Seconds:0.0} s; online verification {batches[^1].Online.Rate:0}/s");
        }
        return new CardsResult(render, verify, batches, loadBefore, Machine.LoadAverage());
    }

    static CardPrinter Printer() => new(new CardDesign(new CardBrand(
        Options.Create(new CardOptions { PartyNameEn = "Sangathan Demo Party", PartyNameHi = "संगठन डेमो पार्टी" }),
        Options.Create(new MembershipOptions { PublicUrl = "https://sangathan.example.org" }), new BenchHost())));

    static CardFace Face(int i, byte[] photo) => new(i, MembershipNumber.New(), 1, new DateOnly(2026, 12, 1), new DateOnly(2029, 11, 30),
        $"राजेश कुमार शर्मा {i % 100}", $"Rajesh Kumar Sharma {i % 100}", 4242, "राजकीय उच्च माध्यमिक विद्यालय, रामनगर",
        "Government Senior Secondary School, Ramnagar", 123, "रामनगर मंडल", "Ramnagar mandal", "जयपुर", "Jaipur", photo);

    /// <summary>On one core (the process is pinned to CPU 0 for it): the app's whole work for one card, and Skia's part alone.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    static RenderResult Render()
    {
        const int warmup = 50, runs = 400;
        var load = Machine.LoadAverage();
        var process = Process.GetCurrentProcess();
        var affinity = process.ProcessorAffinity;
        process.ProcessorAffinity = 1;
        try
        {
            var printer = Printer();
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var photos = Enumerable.Range(0, 20).Select(Portrait).ToList();
            var faces = Enumerable.Range(0, runs + warmup).Select(i => Face(i, photos[i % photos.Count])).ToList();
            var (card, skia, qr, layout) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            var size = 0;
            for (var i = 0; i < faces.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                using var pdf = new MemoryStream();
                // The whole of it, as a download does: sign, lay out (shaping, QR), prune the fonts, write the PDF.
                var code = CardCode.Write(faces[i].Statement(1), key);
                printer.Pdf(faces[i], code, pdf);
                var total = clock.Elapsed.TotalMilliseconds;

                // Skia alone: the same marks, the same pruned fonts and photo, drawn into a new PDF.
                using var photo = SKImage.FromEncodedData(faces[i].Photo);
                var t = Stopwatch.StartNew();
                QrModules.Of(code);
                var qrMs = t.Elapsed.TotalMilliseconds;
                t.Restart();
                var (front, back) = printer.Lay(faces[i], code, photo);
                var layoutMs = t.Elapsed.TotalMilliseconds;
                using var regular = SKTypeface.FromData(SKData.CreateCopy(FontPruning.Prune(CardFonts.Shared.Regular.Font, front.Glyphs(false).Concat(back.Glyphs(false)).ToHashSet())));
                using var bold = SKTypeface.FromData(SKData.CreateCopy(FontPruning.Prune(CardFonts.Shared.Bold.Font, front.Glyphs(true).Concat(back.Glyphs(true)).ToHashSet())));
                t.Restart();
                // Into native memory, as the card's own PDF is written (see CardPrinter.Pdf).
                using (var bare = new SKDynamicMemoryWStream())
                {
                    using var document = SKDocument.CreatePdf(bare);
                    foreach (var side in new[] { front, back })
                    {
                        var canvas = document.BeginPage(CardDesign.Width * CardPrinter.PointsPerMm, CardDesign.Height * CardPrinter.PointsPerMm);
                        canvas.Scale(CardPrinter.PointsPerMm);
                        side.Draw(canvas, new CardInk(regular, bold));
                        document.EndPage();
                    }
                    document.Close();
                }
                var skiaMs = t.Elapsed.TotalMilliseconds;
                if (i < warmup) continue;
                card.Add(total);
                skia.Add(skiaMs);
                qr.Add(qrMs);
                layout.Add(layoutMs);
                size = (int)pdf.Length;
            }
            return new RenderResult(runs, Timings.Of(card), Timings.Of(skia), Timings.Of(qr), Timings.Of(layout), size, load);
        }
        finally
        {
            process.ProcessorAffinity = affinity;
        }
    }

    /// <summary>
    /// Reading and checking 1,000 distinct card codes over and over for two seconds, on one thread and then on one
    /// thread a core, beside ECDsa.VerifyData alone the same ways.
    /// </summary>
    static VerifyResult Verify()
    {
        var load = Machine.LoadAverage();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var photo = Portrait(0);
        var codes = Enumerable.Range(0, 1000).Select(i => CardCode.Write(Face(i, photo).Statement(1), key)).ToList();
        var signed = codes.Select(c =>
        {
            var bytes = Base45.Decode(c.AsSpan(CardCode.Prefix.Length))!;
            var length = CardStatement.Read(bytes)!.Value.Length;
            return (Data: bytes[..length], Signature: bytes[length..]);
        }).ToList();
        Func<int, ECDsa?> keys = id => id == 1 ? key : null;
        Func<int, bool> card = i => CardCode.Read(codes[i], keys).Verdict == CardVerdict.Genuine;
        Func<int, bool> raw = i => key.VerifyData(signed[i].Data, signed[i].Signature, HashAlgorithmName.SHA256);
        var cores = Environment.ProcessorCount;
        return new VerifyResult(codes.Count, 2, Rate(card, 1), Rate(raw, 1), cores, Rate(card, cores), Rate(raw, cores), load);
    }

    /// <summary>Checks a second by <paramref name="threads"/> threads together over two seconds, after a warm-up; each must pass.</summary>
    static double Rate(Func<int, bool> one, int threads)
    {
        for (var i = 0; i < 2000; i++) one(i % 1000);
        long total = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            var n = 0;
            while (clock.Elapsed.TotalSeconds < 2)
                for (var k = 0; k < 100; k++, n++)
                    if (!one((w * 397 + n) % 1000)) throw new InvalidOperationException("A genuine code did not verify.");
            Interlocked.Add(ref total, n);
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        return total / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The app's own check of the district's cards, <see cref="VerifyCard"/> with a scope (and database connection) a
    /// worker, two workers a core so that one waits on the database while the other verifies; beside ECDsa.VerifyData
    /// alone on as many threads as cores, on the same codes.
    /// </summary>
    static async Task<OnlineResult> VerifyOnlineAsync(IServiceProvider services, int district)
    {
        var load = Machine.LoadAverage();
        List<string> codes;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var path = await db.Units.Where(u => u.Id == district).Select(u => u.Path).SingleAsync();
            var (keyId, key) = await scope.ServiceProvider.GetRequiredService<CardKeyRing>().SigningKeyAsync(CancellationToken.None);
            codes = await scope.ServiceProvider.GetRequiredService<CardFaces>().OfUnitAsync(path, CancellationToken.None)
                .Take(1000).Select(f => CardCode.Write(f.Statement(keyId), key)).ToListAsync();
        }
        var workers = Environment.ProcessorCount * 2;
        long total = 0;
        async Task Work(int w, Stopwatch clock, TimeSpan length)
        {
            using var scope = services.CreateScope();
            var verify = scope.ServiceProvider.GetRequiredService<VerifyCard>();
            var n = 0;
            while (clock.Elapsed < length)
                for (var k = 0; k < 20; k++, n++)
                    if ((await verify.RunAsync(codes[(w * 397 + n) % codes.Count], CancellationToken.None)).Verdict != CardVerdict.Genuine)
                        throw new InvalidOperationException("A genuine card was refused.");
            Interlocked.Add(ref total, n);
        }
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Work(w, Stopwatch.StartNew(), TimeSpan.FromSeconds(0.5)))));
        total = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Work(w, clock, TimeSpan.FromSeconds(3)))));
        var rate = total / clock.Elapsed.TotalSeconds;

        using var ring = services.CreateScope();
        var verifier = await ring.ServiceProvider.GetRequiredService<CardKeyRing>().VerifierAsync(CancellationToken.None);
        var signed = codes.Select(c =>
        {
            var bytes = Base45.Decode(c.AsSpan(CardCode.Prefix.Length))!;
            var (statement, length) = CardStatement.Read(bytes)!.Value;
            return (Key: verifier(statement.KeyId)!, Data: bytes[..length], Signature: bytes[length..]);
        }).ToList();
        var raw = Rate(i => signed[i % signed.Count].Key.VerifyData(signed[i % signed.Count].Data, signed[i % signed.Count].Signature, HashAlgorithmName.SHA256),
            Environment.ProcessorCount);
        return new OnlineResult(workers, rate, raw, load);
    }

    /// <summary>
    /// A district with N verified members (20 booths, distinct names, a photo each from a set of 200) on a fresh
    /// database; its batch asked for twice over HTTP (the first also issues every number and card), the answer read
    /// and counted as it streams while the process's resident memory is sampled every half second.
    /// </summary>
    static async Task<BatchResult> BatchAsync(string provider, BenchOptions options)
    {
        var database = await BenchDatabase.OpenEmptyAsync(provider, options, "sangathan_cards");
        await using var server = new BenchServer(database);
        var address = server.ServeOnKestrel();
        var session = await BenchSignIn.OpenSessionAsync(server.Services);
        using var client = await BenchClient.CreateAsync(address, session);
        var district = await SeedAsync(client.Http, server.Services, options.CardCount);
        using var reader = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
        reader.DefaultRequestHeaders.Authorization = new("Bearer", session);

        var load = Machine.LoadAverage();
        var first = await StreamAsync(reader, district);
        GC.Collect();
        var second = await StreamAsync(reader, district);

        // The baseline: the same number of cards drawn straight into a PDF in this process, no database, no HTTP.
        var printer = Printer();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var photos = Enumerable.Range(0, 200).Select(Portrait).ToList();
        var clock = Stopwatch.StartNew();
        var counter = new CountingSink();
        printer.Batch(Enumerable.Range(0, options.CardCount).Select(i =>
        {
            var face = Face(i, photos[i % photos.Count]);
            return (face, CardCode.Write(face.Statement(1), key));
        }), counter, BatchLayout.Sheets, "BASELINE");
        var baseline = clock.Elapsed.TotalSeconds;

        var online = await VerifyOnlineAsync(server.Services, district);
        var mb = second.Samples.Select(s => s.Mb).ToList();
        return new BatchResult(provider, await database.VersionAsync(), options.CardCount, first.Seconds - second.Seconds, first.Seconds, second.Seconds, second.Bytes,
            mb.First(), mb.Max(), mb.Last(), second.HeapMaxMb, second.Samples, baseline, load, online);
    }

    sealed record Streamed(double Seconds, long Bytes, List<(double At, double Mb)> Samples, double HeapMaxMb);

    static async Task<Streamed> StreamAsync(HttpClient http, int district)
    {
        var samples = new List<(double, double)>();
        var heapMax = 0.0;
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                lock (samples) samples.Add((clock.Elapsed.TotalSeconds, Resident()));
                heapMax = Math.Max(heapMax, GC.GetTotalMemory(false) / 1048576.0);
                try { await Task.Delay(500, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        using var response = await http.GetAsync($"/api/v1/units/{district}/cards.pdf", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0) bytes += n;
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return new Streamed(seconds, bytes, samples, heapMax);
    }

    /// <summary>Resident memory of this process (the app and the bench's client) in MB, from /proc.</summary>
    static double Resident()
    {
        var line = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    static async Task<int> SeedAsync(HttpClient http, IServiceProvider services, int count)
    {
        async Task<int> Unit(int? parentId, string code, string en, string hi)
        {
            var response = await http.PostAsJsonAsync("/api/v1/units", new { parentId, code, nameEn = en, nameHi = hi });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
        var district = await Unit(await Unit(null, "RJ", "Rajasthan", "राजस्थान"), "RJ-JP", "Jaipur", "जयपुर");
        var mandal = await Unit(await Unit(district, "B1", "Block 1", "ब्लॉक 1"), "M1", "Ramnagar Mandal", "रामनगर मंडल");
        var booths = new List<int>();
        for (var b = 0; b < 20; b++) booths.Add(await Unit(mandal, $"P{b + 1:D2}", $"Government School, Ramnagar (Room {b + 1})", $"राजकीय विद्यालय, रामनगर (कक्ष {b + 1})"));

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.SuppressAudit = true;
        var notice = new ConsentNotice { Language = "en", Text = "bench", Sha256 = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
        db.ConsentNotices.Add(notice);
        var photos = Enumerable.Range(0, 200).Select(i => new People.Photo { Sha256 = Guid.NewGuid().ToString("N") + i, ContentType = "image/jpeg", Content = Portrait(i) }).ToList();
        db.Photos.AddRange(photos);
        await db.SaveChangesAsync();
        string[] first = ["राजेश", "सुनीता", "महेंद्र", "गीता", "ओम प्रकाश", "मीना", "सुरेश", "कमला", "रामेश्वर", "पूजा"];
        string[] firstEn = ["Rajesh", "Sunita", "Mahendra", "Geeta", "Om Prakash", "Meena", "Suresh", "Kamla", "Rameshwar", "Pooja"];
        string[] last = ["शर्मा", "मीणा", "जाट", "गुर्जर", "राठौड़", "सैनी", "कुमावत", "चौधरी"];
        string[] lastEn = ["Sharma", "Meena", "Jat", "Gurjar", "Rathore", "Saini", "Kumawat", "Choudhary"];
        for (var i = 0; i < count; i++)
        {
            db.Members.Add(new Member
            {
                VoterId = $"RJC{1_000_000 + i:D7}", NameHi = $"{first[i % 10]} {last[i / 10 % 8]}", NameEn = $"{firstEn[i % 10]} {lastEn[i / 10 % 8]}",
                Mobile = $"+919{100_000_000 + i * 7L}", Category = "general", Age = 20 + i % 50, BoothId = booths[i % booths.Count],
                Source = MemberSource.Field, Status = MemberStatus.Verified, Fee = FeeState.Cash, RequestKey = Guid.NewGuid().ToString("N"),
                ConsentNoticeId = notice.Id, ConsentAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, PhotoId = photos[i % photos.Count].Id,
            });
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return district;
    }

    /// <summary>A passport-style picture with some grain, about the size a phone's shrunk JPEG is (20-30 KB).</summary>
    static byte[] Portrait(int seed)
    {
        var random = new Random(seed);
        using var surface = SKSurface.Create(new SKImageInfo(360, 450));
        var c = surface.Canvas;
        c.Clear(new SKColor((byte)(200 + random.Next(40)), (byte)(210 + random.Next(30)), 230));
        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = new SKColor(0x2F, (byte)(0x40 + random.Next(80)), 0x8A);
        c.DrawRoundRect(SKRect.Create(50, 320, 260, 200), 100, 100, paint);
        paint.Color = new SKColor((byte)(150 + random.Next(60)), (byte)(100 + random.Next(40)), 80);
        c.DrawOval(180, 190, 75, 95, paint);
        using var grain = new SKPaint();
        for (var k = 0; k < 6000; k++)
        {
            grain.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 40);
            c.DrawRect(random.Next(360), random.Next(450), 2, 2, grain);
        }
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    sealed class CountingSink : Stream
    {
        long written;
        public override void Write(byte[] buffer, int offset, int count) => written += count;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => written;
        public override long Position { get => written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    sealed class BenchHost : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Sangathan";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
