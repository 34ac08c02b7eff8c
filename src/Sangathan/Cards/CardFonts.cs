using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Sangathan.Cards;

/// <summary>
/// Text shaped by HarfBuzz (conjuncts, matras and reph placed as Devanagari needs), at a size, ready to draw with
/// any typeface that has the same glyph ids. It keeps its UTF-8 text and clusters, so that a PDF carries the words
/// themselves (as /ActualText) and not only glyphs: the name can be searched and copied.
/// </summary>
public sealed record ShapedText(string Text, bool Bold, float Size, ushort[] Glyphs, SKPoint[] Points, uint[] Clusters, byte[] Utf8, float Width);

/// <summary>One weight of the card's font: the full font to shape with, and a copy without shaping tables to draw with.</summary>
public sealed class CardType
{
    readonly ThreadLocal<SKShaper> shapers;

    internal CardType(byte[] font, bool bold)
    {
        Font = font;
        Bold = bold;
        Shaping = SKTypeface.FromData(SKData.CreateCopy(font));
        Drawing = SKTypeface.FromData(SKData.CreateCopy(FontPruning.Prune(font)));
        // One shaper a thread: HarfBuzz buffers are not shared between threads.
        shapers = new ThreadLocal<SKShaper>(() => new SKShaper(Shaping));
    }

    public byte[] Font { get; }
    public bool Bold { get; }
    public SKTypeface Shaping { get; }
    public SKTypeface Drawing { get; }

    public ShapedText Shape(string text, float size)
    {
        using var font = Sized(Shaping, size);
        var r = shapers.Value!.Shape(text, font);
        var glyphs = new ushort[r.Codepoints.Length];
        for (var i = 0; i < glyphs.Length; i++) glyphs[i] = (ushort)r.Codepoints[i];
        return new ShapedText(text, Bold, size, glyphs, r.Points, r.Clusters, Encoding.UTF8.GetBytes(text), r.Width);
    }

    /// <summary>A font for drawing: no hinting, so that sizes in millimetres lay out the same on paper and on screen.</summary>
    public static SKFont Sized(SKTypeface typeface, float size) => new(typeface, size)
    {
        Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true, Edging = SKFontEdging.Antialias,
    };
}

/// <summary>
/// The card's font for its Indian language, regular and bold, each with Latin letters too (see Fonts/README.md):
/// Noto Sans Devanagari for Hindi, Noto Sans Gujarati for Gujarati. Loaded once for the process.
/// </summary>
public sealed class CardFonts
{
    public static readonly CardFonts Shared = new("NotoSansDevanagari");
    static readonly Lazy<CardFonts> Gujarati = new(() => new CardFonts("NotoSansGujarati"));

    CardFonts(string family)
    {
        Regular = new CardType(Load(family + "-Regular.ttf"), false);
        Bold = new CardType(Load(family + "-Bold.ttf"), true);
        Ink = new CardInk(Regular.Drawing, Bold.Drawing);
    }

    public static CardFonts For(string language) => language == "gu" ? Gujarati.Value : Shared;

    /// <summary>The whole fonts to draw with, where a card's glyphs are not pruned first.</summary>
    public CardInk Ink { get; }

    public CardType Regular { get; }
    public CardType Bold { get; }

    public CardType Of(bool bold) => bold ? Bold : Regular;

    static byte[] Load(string name)
    {
        using var stream = typeof(CardFonts).Assembly.GetManifestResourceStream("Sangathan.Cards.Fonts." + name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the app.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
