using Sangathan.Cards;
using SkiaSharp;

namespace Sangathan.Tests.Cards;

/// <summary>The card as it is printed and shared, read back with zbarimg and PdfPig as a stranger's tools would read it.</summary>
public sealed class CardRenderingTests
{
    readonly CardPrinter printer = CardSamples.Printer();

    [Fact]
    public void ThePhoneImageCarriesAQrThatZbarReadsAndThatVerifies()
    {
        using var key = CardSamples.Key();
        var face = CardSamples.Face();
        var code = CardCode.Write(face.Statement(1), key);
        var png = printer.Png(face, code);
        using (var bitmap = SKBitmap.Decode(png)) Assert.Equal(CardPrinter.PhoneWidth, bitmap.Width);
        var read = Assert.Single(CardReaders.Qr(png));
        Assert.Equal(code, read);
        Assert.Equal(CardVerdict.Genuine, CardCode.Read(read, _ => key).Verdict);
        // The same image after WhatsApp's recompression (JPEG at quality 60) still reads.
        using var image = SKImage.FromEncodedData(png);
        Assert.Equal(code, Assert.Single(CardReaders.Qr(image.Encode(SKEncodedImageFormat.Jpeg, 60).ToArray(), ".jpg")));
    }

    [Fact]
    public void TheCardPrintersPdfIsTwoCr80PagesWhoseQrReadsAndWhoseTextHoldsBothNames()
    {
        using var key = CardSamples.Key();
        var face = CardSamples.Face();
        var code = CardCode.Write(face.Statement(1), key);
        using var output = new MemoryStream();
        printer.Pdf(face, code, output);
        var pdf = output.ToArray();

        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.Equal(2, document.NumberOfPages);
            var page = document.GetPage(1);
            Assert.Equal(85.6, page.Width / 72 * 25.4, 1);
            Assert.Equal(54.0, page.Height / 72 * 25.4, 1);
        }
        var text = CardReaders.Text(pdf);
        Assert.Contains(CardSamples.NameHi, text[0]);
        Assert.Contains(CardSamples.NameEn, text[0]);
        Assert.Contains(MembershipNumber.Format(face.Number), text[0]);
        Assert.Contains("सत्यापन के लिए स्कैन करें", text[1]);

        var pages = CardReaders.Pages(pdf);
        Assert.Empty(CardReaders.Qr(pages[0]));
        var read = Assert.Single(CardReaders.Qr(pages[1]));
        Assert.Equal(CardVerdict.Genuine, CardCode.Read(read, _ => key).Verdict);
        // Pruned to the card's own glyphs: a few kilobytes of font, not the 200 KB of each weight.
        Assert.True(pdf.Length < 60_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void ASheetHoldsTenCardsWithTheirBacksBehindThem()
    {
        using var key = CardSamples.Key();
        var faces = Enumerable.Range(0, 12).Select(i => CardSamples.Face(photo: CardSamples.Portrait(i)) with { NameEn = $"Member Number{i:D2}" }).ToList();
        var cards = faces.Select(f => (f, CardCode.Write(f.Statement(1), key))).ToList();
        using var output = new MemoryStream();
        printer.Batch(cards, output, BatchLayout.Sheets, "TESTUNIT");
        var pdf = output.ToArray();

        var text = CardReaders.Text(pdf);
        Assert.Equal(4, text.Count); // two sheets, fronts and backs
        Assert.All(faces.Take(10), f => Assert.Contains(f.NameEn, text[0]));
        Assert.All(faces.Skip(10), f => Assert.Contains(f.NameEn, text[2]));
        // At 300 dpi, as a card printer rasterizes: at 200 zbar missed one of ten codes about once in fifty sheets.
        var backs = CardReaders.Pages(pdf);
        var codes = CardReaders.Qr(backs[1]);
        Assert.Equal(10, codes.Count);
        Assert.Equal(cards.Take(10).Select(c => c.Item2).Order(), codes.Order());
        Assert.All(codes, c => Assert.Equal(CardVerdict.Genuine, CardCode.Read(c, _ => key).Verdict));
        // The back of the card top left on the front sheet is top right on the back sheet (flipped on the long edge).
        using var page = SKBitmap.Decode(backs[1]);
        using var right = new SKBitmap();
        page.ExtractSubset(right, SKRectI.Create(page.Width / 2, 0, page.Width / 2, page.Height * 70 / 297)); // the first row ends 67.5 mm down
        using var crop = SKImage.FromBitmap(right);
        Assert.Equal(cards[0].Item2, Assert.Single(CardReaders.Qr(crop.Encode(SKEncodedImageFormat.Png, 100).ToArray())));
    }

    [Fact]
    public void PruningAFontKeepsItsGlyphIdsAndDropsTheRest()
    {
        var font = CardFonts.Shared.Regular.Font;
        var glyphs = CardFonts.Shared.Regular.Shape(CardSamples.NameHi, 10).Glyphs.ToHashSet();
        var pruned = FontPruning.Prune(font, glyphs);
        Assert.True(pruned.Length < font.Length / 4, $"{pruned.Length} of {font.Length} bytes");
        using var full = SKTypeface.FromData(SKData.CreateCopy(font));
        using var small = SKTypeface.FromData(SKData.CreateCopy(pruned));
        Assert.Equal(full.GlyphCount, small.GlyphCount);
        using var a = new SKFont(full, 40);
        using var b = new SKFont(small, 40);
        foreach (var g in glyphs)
        {
            using var pa = a.GetGlyphPath(g);
            using var pb = b.GetGlyphPath(g);
            Assert.Equal(pa.ToSvgPathData(), pb.ToSvgPathData());
        }
    }

    [Fact]
    public void AConfiguredLogoIsDrawnInThePartysRing()
    {
        var logo = Path.Combine(Path.GetTempPath(), $"logo-{Guid.NewGuid():N}.png");
        using (var surface = SKSurface.Create(new SKImageInfo(64, 64)))
        {
            surface.Canvas.Clear(SKColors.Red);
            using var image = surface.Snapshot();
            File.WriteAllBytes(logo, image.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }
        try
        {
            using var key = CardSamples.Key();
            var face = CardSamples.Face();
            var png = new CardPrinter(new CardDesign(CardSamples.Brand(logo))).Png(face, CardCode.Write(face.Statement(1), key), back: false);
            using var bitmap = SKBitmap.Decode(png);
            // The ring's centre, 7.5 mm in and 6.5 mm down, on the phone image's scale (24 px margin, 1032 px for 85.6 mm).
            var scale = (CardPrinter.PhoneWidth - 48) / CardDesign.Width;
            var centre = bitmap.GetPixel((int)(24 + 7.5f * scale), (int)(24 + 6.5f * scale));
            Assert.Equal(SKColors.Red, centre);
        }
        finally
        {
            File.Delete(logo);
        }
        Assert.Throws<InvalidOperationException>(() => CardSamples.Brand(Path.Combine(AppContext.BaseDirectory, "Sangathan.Tests.dll")));
    }

    /// <summary>The card's two sides at the phone image's size, for docs/screenshots (SANGATHAN_SCREENSHOTS) and for a look.</summary>
    [Fact]
    public void TheSidesAreWrittenOutToBeLookedAt()
    {
        using var key = CardSamples.Key();
        var face = CardSamples.Face();
        var code = CardCode.Write(face.Statement(1), key);
        var folder = Screenshots.Folder;
        File.WriteAllBytes(Path.Combine(folder, "card-front.png"), printer.Png(face, code, front: true, back: false));
        File.WriteAllBytes(Path.Combine(folder, "card-back.png"), printer.Png(face, code, front: false, back: true));
        Assert.Equal(code, Assert.Single(CardReaders.Qr(File.ReadAllBytes(Path.Combine(folder, "card-back.png")))));
    }
}

public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("SANGATHAN_SCREENSHOTS") is { Length: > 0 } f ? f : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
