using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>The typefaces a side is drawn with: the card fonts as they are, or pruned to one document's glyphs.</summary>
public sealed record CardInk(SKTypeface Regular, SKTypeface Bold)
{
    public static CardInk Full => CardFonts.Shared.Ink;
}

/// <summary>
/// One thing drawn on a side of the card, in millimetres from its top left corner. A side is laid out once as a
/// list of marks and then drawn on a PDF page, a raster or a sheet; the list also says which glyphs a PDF needs.
/// </summary>
public abstract record CardMark
{
    public abstract void Draw(SKCanvas canvas, CardInk ink);
}

public sealed record Fill(SKRect Rect, SKColor Colour, float Radius = 0) : CardMark
{
    public override void Draw(SKCanvas canvas, CardInk ink)
    {
        using var paint = new SKPaint { Color = Colour, IsAntialias = true };
        if (Radius > 0) canvas.DrawRoundRect(Rect, Radius, Radius, paint);
        else canvas.DrawRect(Rect, paint);
    }
}

public sealed record Ring(SKPoint Centre, float Radius, SKColor Colour, float Width) : CardMark
{
    public override void Draw(SKCanvas canvas, CardInk ink)
    {
        using var paint = new SKPaint { Color = Colour, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Width };
        canvas.DrawCircle(Centre, Radius, paint);
    }
}

/// <summary>Shaped text with its baseline's left end at (X, Y).</summary>
public sealed record Words(ShapedText Text, float X, float Y, SKColor Colour) : CardMark
{
    public override void Draw(SKCanvas canvas, CardInk ink)
    {
        var t = Text;
        if (t.Glyphs.Length == 0) return;
        using var font = CardType.Sized(t.Bold ? ink.Bold : ink.Regular, t.Size);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, t.Glyphs.Length, t.Utf8.Length, null);
        t.Glyphs.CopyTo(run.Glyphs);
        t.Points.CopyTo(run.Positions);
        t.Clusters.CopyTo(run.Clusters);
        t.Utf8.CopyTo(run.Text);
        using var blob = builder.Build();
        using var paint = new SKPaint { Color = Colour, IsAntialias = true };
        if (blob is not null) canvas.DrawText(blob, X, Y, paint);
    }
}

/// <summary>
/// An image covering its box (centred, cut to the box's shape). The whole image is drawn under a clip, never a cut-out
/// of it, so that a PDF embeds a JPEG photo as it is instead of decoding and compressing it again.
/// </summary>
public sealed record Picture(SKImage Image, SKRect Rect, float Radius) : CardMark
{
    public override void Draw(SKCanvas canvas, CardInk ink)
    {
        var scale = Math.Max(Rect.Width / Image.Width, Rect.Height / Image.Height);
        var (w, h) = (Image.Width * scale, Image.Height * scale);
        var target = SKRect.Create(Rect.MidX - w / 2, Rect.MidY - h / 2, w, h);
        canvas.Save();
        using (var clip = new SKPath())
        {
            if (Radius > 0) clip.AddRoundRect(Rect, Radius, Radius);
            else clip.AddRect(Rect);
            canvas.ClipPath(clip, antialias: true);
        }
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(Image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Restore();
    }
}

/// <summary>A shape given as a path (the photo's stand-in), filled.</summary>
public sealed record Shape(SKPath Path, SKColor Colour) : CardMark
{
    public override void Draw(SKCanvas canvas, CardInk ink)
    {
        using var paint = new SKPaint { Color = Colour, IsAntialias = true };
        canvas.DrawPath(Path, paint);
    }
}

/// <summary>
/// A QR code's rectangles in <paramref name="Box"/>, drawn one by one in module units without anti-aliasing: Skia writes
/// a PDF rectangle several times faster than the same rectangles joined in one path, and a raster gets whole-pixel edges.
/// </summary>
public sealed record QrMark(QrModules Code, SKRect Box, SKColor Colour) : CardMark
{
    public override void Draw(SKCanvas canvas, CardInk ink)
    {
        using var paint = new SKPaint { Color = Colour, IsAntialias = false };
        canvas.Save();
        canvas.Translate(Box.Left, Box.Top);
        canvas.Scale(Box.Width / Code.Size, Box.Height / Code.Size);
        foreach (var r in Code.Rects) canvas.DrawRect(r, paint);
        canvas.Restore();
    }
}

/// <summary>One side of the card, laid out.</summary>
public sealed record CardSide(IReadOnlyList<CardMark> Marks)
{
    public void Draw(SKCanvas canvas, CardInk ink)
    {
        foreach (var mark in Marks) mark.Draw(canvas, ink);
    }

    public IEnumerable<ushort> Glyphs(bool bold) =>
        Marks.OfType<Words>().Where(w => w.Text.Bold == bold).SelectMany(w => w.Text.Glyphs);
}
