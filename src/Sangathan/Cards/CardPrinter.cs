using SkiaSharp;

namespace Sangathan.Cards;

public enum BatchLayout { Sheets, Cards }

/// <summary>
/// Draws laid-out cards: one card as a two-page CR80 PDF for a card printer, many as A4 sheets of ten (see
/// <see cref="CardSheet"/>) or as CR80 pages, and one as a PNG for the member's phone. PDFs are vectors: text stays
/// text, the QR is paths, the photo is the stored JPEG itself.
/// </summary>
public sealed class CardPrinter(CardDesign design)
{
    /// <summary>The fonts the cards are drawn with, for the sheets' own labels.</summary>
    internal CardFonts Fonts => design.Fonts;

    public const float PointsPerMm = 72f / 25.4f;
    /// <summary>The phone image's width: what WhatsApp sends without shrinking, large enough for a QR of 7 pixels a module.</summary>
    public const int PhoneWidth = 1080;

    public (CardSide Front, CardSide Back) Lay(CardFace face, string code, SKImage? photo) => (design.Front(face, photo), design.Back(face, code));

    /// <summary>
    /// One card, front then back, each a CR80 page. Its fonts are pruned to the glyphs it uses. Skia writes it into
    /// native memory, copied out once: a managed stream would take some 1,800 small writes, each a call from native
    /// code back into .NET, a fifth of the card's time.
    /// </summary>
    public void Pdf(CardFace face, string code, Stream output)
    {
        using var photo = Photo(face);
        var (front, back) = Lay(face, code, photo);
        using var regular = Pruned(design.Fonts.Regular, front, back);
        using var bold = Pruned(design.Fonts.Bold, front, back);
        var ink = new CardInk(regular, bold);
        using var memory = new SKDynamicMemoryWStream();
        using (var document = SKDocument.CreatePdf(memory, Metadata("Membership card")))
        {
            foreach (var side in new[] { front, back })
            {
                var canvas = document.BeginPage(CardDesign.Width * PointsPerMm, CardDesign.Height * PointsPerMm);
                canvas.Scale(PointsPerMm);
                side.Draw(canvas, ink);
                document.EndPage();
            }
            document.Close();
        }
        using var pdf = memory.DetachAsData();
        output.Write(pdf.AsSpan());
    }

    /// <summary>
    /// Many cards in one PDF, written as they come: each page goes out when it is done, so memory stays flat however
    /// many cards there are. The whole fonts are embedded once (the glyphs to come are not known in advance).
    /// </summary>
    public void Batch(IEnumerable<(CardFace Face, string Code)> cards, Stream output, BatchLayout layout, string title)
    {
        var sink = new SkiaOutput(output);
        // A client gone away stops the drawing at the next card.
        cards = cards.TakeWhile(_ => sink.Failure is null);
        using (var stream = new SKManagedWStream(sink))
        using (var document = SKDocument.CreatePdf(stream, Metadata(title)))
        {
            Draw(document, cards, layout, title);
            document.Close();
        }
        sink.ThrowIfFailed();
    }

    void Draw(SKDocument document, IEnumerable<(CardFace Face, string Code)> cards, BatchLayout layout, string title)
    {
        if (layout == BatchLayout.Sheets)
        {
            new CardSheet(this, title).Write(document, cards);
        }
        else
        {
            foreach (var (face, code) in cards)
            {
                using var photo = Photo(face);
                var (front, back) = Lay(face, code, photo);
                foreach (var side in new[] { front, back })
                {
                    var canvas = document.BeginPage(CardDesign.Width * PointsPerMm, CardDesign.Height * PointsPerMm);
                    canvas.Scale(PointsPerMm);
                    side.Draw(canvas, design.Fonts.Ink);
                    document.EndPage();
                }
            }
        }
    }

    /// <summary>The card as the member shares it: front above back on one image, with rounded corners as the plastic has.</summary>
    public byte[] Png(CardFace face, string code, bool front = true, bool back = true)
    {
        using var photo = Photo(face);
        var (f, b) = Lay(face, code, photo);
        var sides = new List<CardSide>();
        if (front) sides.Add(f);
        if (back) sides.Add(b);
        const int margin = 24;
        var scale = (PhoneWidth - 2f * margin) / CardDesign.Width;
        var cardHeight = (int)Math.Ceiling(CardDesign.Height * scale);
        var height = margin + sides.Count * (cardHeight + margin);
        using var surface = SKSurface.Create(new SKImageInfo(PhoneWidth, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xE8, 0xEC, 0xF0));
        var radius = 3.18f; // CR80's corner
        for (var i = 0; i < sides.Count; i++)
        {
            canvas.Save();
            canvas.Translate(margin, margin + i * (cardHeight + margin));
            canvas.Scale(scale);
            var card = SKRect.Create(0, 0, CardDesign.Width, CardDesign.Height);
            using (var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 40), IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 0.6f) })
                canvas.DrawRoundRect(SKRect.Create(0.3f, 0.5f, CardDesign.Width, CardDesign.Height), radius, radius, shadow);
            using (var clip = new SKPath())
            {
                clip.AddRoundRect(card, radius, radius);
                canvas.ClipPath(clip, antialias: true);
            }
            sides[i].Draw(canvas, design.Fonts.Ink);
            canvas.Restore();
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    internal static SKImage? Photo(CardFace face) => face.Photo is { Length: > 0 } bytes ? SKImage.FromEncodedData(bytes) : null;

    static SKTypeface Pruned(CardType type, params CardSide[] sides)
    {
        var glyphs = sides.SelectMany(s => s.Glyphs(type.Bold)).ToHashSet();
        return SKTypeface.FromData(SKData.CreateCopy(FontPruning.Prune(type.Font, glyphs)));
    }

    static SKDocumentPdfMetadata Metadata(string title) => new()
    {
        Title = title, Creator = "Sangathan", Producer = "Sangathan (Skia)", Creation = DateTime.UtcNow, RasterDpi = 300,
        EncodingQuality = 101,
    };
}
