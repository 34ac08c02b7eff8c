using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Sangathan.Tests.Cards;

/// <summary>
/// Reads cards back as a person's tools would: QR codes with zbarimg (Debian's zbar-tools), PDF pages rasterized by
/// pdftoppm (poppler-utils) first, and a PDF's text with PdfPig, /ActualText included (how Devanagari conjuncts keep
/// their letters in a PDF).
/// </summary>
public static class CardReaders
{
    /// <summary>Every QR code zbarimg finds in the image, in its order.</summary>
    public static IReadOnlyList<string> Qr(byte[] image, string extension = ".png")
    {
        var file = Path.Combine(Path.GetTempPath(), $"card-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(file, image);
        try
        {
            // -Sdisable -Sqrcode.enable: QR codes only; --raw: the text alone, one code a line.
            // zbarimg's D-Bus complaints go to standard error; the codes alone to standard output.
            var (code, output, error) = Run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file);
            Assert.True(code is 0 or 4, $"zbarimg exited {code}: {error}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The PDF's pages as PNG images at <paramref name="dpi"/>, as a print shop's RIP would see them.</summary>
    public static IReadOnlyList<byte[]> Pages(byte[] pdf, int dpi = 300)
    {
        var folder = Directory.CreateTempSubdirectory("card-pdf-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "in.pdf"), pdf);
            var (code, _, error) = Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png",
                Path.Combine(folder, "in.pdf"), Path.Combine(folder, "page"));
            Assert.True(code == 0, $"pdftoppm exited {code}: {error}");
            return Directory.GetFiles(folder, "page*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Each page's text, letters in drawing order, with a marked span's /ActualText standing for its glyphs.</summary>
    public static IReadOnlyList<string> Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(PageText).ToList();
    }

    static string PageText(Page page)
    {
        var owner = new Dictionary<Letter, MarkedContentElement>(ReferenceEqualityComparer.Instance);
        foreach (var span in Spans(page.GetMarkedContents()).Where(s => s.ActualText is not null))
            foreach (var letter in span.Letters) owner[letter] = span;
        var text = new StringBuilder();
        MarkedContentElement? last = null;
        foreach (var letter in page.Letters)
        {
            if (owner.TryGetValue(letter, out var span))
            {
                if (span != last) text.Append(span.ActualText);
                last = span;
            }
            else
            {
                text.Append(letter.Value);
                last = null;
            }
        }
        return text.ToString();
    }

    static IEnumerable<MarkedContentElement> Spans(IEnumerable<MarkedContentElement> elements) =>
        elements.SelectMany(e => new[] { e }.Concat(Spans(e.Children)));

    static (int Code, string Output, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException($"{program} took more than a minute.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
