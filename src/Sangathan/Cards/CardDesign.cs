using System.Collections.Concurrent;
using System.Globalization;
using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>
/// The card's layout on CR80 (85.6 x 54 mm, the size of a bank card), in millimetres. Front: the party's band with
/// its logo and names, the photo, the member's names in Devanagari and in Latin letters, the number, booth, mandal
/// and district, and the validity. Back: the QR (44 mm, modules of about 0.6 mm) and how to check it. Every text is
/// fitted to its width: a long name gets smaller, down to seven tenths, and is only then cut short with "…".
/// The card's own words are in both languages whatever the reader's, as the card is.
/// </summary>
public sealed class CardDesign(CardBrand brand)
{
    public const float Width = 85.6f, Height = 54f;
    static readonly SKColor Ink = new(0x1B, 0x1F, 0x23), Grey = new(0x5A, 0x64, 0x6E), White = SKColors.White;
    readonly CardFonts fonts = brand.Fonts;

    /// <summary>The whole fonts of the card's language, to draw its sides with.</summary>
    public CardFonts Fonts => fonts;
    // Only texts written in this file go in: a bounded set, however many cards are drawn.
    readonly ConcurrentDictionary<(string Text, bool Bold, float Size, float Max), ShapedText> labels = new();

    SKColor Tint => Blend(White, brand.Colour, 0.10f);

    public CardSide Front(CardFace f, SKImage? photo)
    {
        var m = new List<CardMark> { new Fill(SKRect.Create(0, 0, Width, Height), White), new Fill(SKRect.Create(0, 0, Width, 13), brand.Colour) };
        Logo(m, new SKPoint(7.5f, 6.5f), 4.8f);
        m.Add(Label(brand.NameHi, true, 3.6f, 14, 6.4f, White, Width - 17));
        m.Add(Label(brand.NameEn, false, 2.3f, 14, 10.6f, White, Width - 17));

        var photoBox = SKRect.Create(4, 16.5f, 20, 25);
        if (photo is not null) m.Add(new Picture(photo, photoBox, 1));
        else Silhouette(m, photoBox);

        const float x = 27, w = Width - x - 3;
        var (first, second) = f.NameHi.Length > 0 ? (Script(f.NameHi), f.NameEn) : (f.NameEn, "");
        m.Add(Text(first, true, 4.2f, x, 21, Ink, w));
        if (second.Length > 0) m.Add(Text(second, false, 3f, x, 25.4f, Ink, w));
        m.Add(Label(Both("Membership no."), false, 1.9f, x, 29.6f, Grey, w));
        m.Add(Text(MembershipNumber.Format(f.Number), true, 4.4f, x, 34.2f, brand.Colour, w));
        var booth = f.PartNumber is { } part ? $"{Local("Booth")} {part} · Booth {part}" : Both("Booth");
        m.Add(Text(booth, false, 1.9f, x, 38, Grey, w));
        m.Add(Text(f.BoothHi.Length > 0 ? Script(f.BoothHi) : f.BoothEn, false, 2.5f, x, 41.4f, Ink, w));
        var above = string.Join(", ", new[] { Script(f.MandalHi) ?? f.MandalEn, Script(f.DistrictHi) ?? f.DistrictEn }.Where(s => !string.IsNullOrEmpty(s)));
        if (above.Length > 0) m.Add(Text(above, false, 2.1f, x, 44.6f, Grey, w));

        m.Add(new Fill(SKRect.Create(0, 48, Width, 6), Tint));
        m.Add(Text($"{Local("Valid")} · Valid till {Date(f.ValidUntil)}", true, 2.1f, 4, 51.8f, Ink, 40));
        m.Add(Right(Shaped(Both("Membership card"), false, 1.9f, 38), Width - 4, 51.8f, Grey));
        return new CardSide(m);
    }

    public CardSide Back(CardFace f, string code)
    {
        var m = new List<CardMark> { new Fill(SKRect.Create(0, 0, Width, Height), White), new Fill(SKRect.Create(0, 0, Width, 3), brand.Colour) };
        m.Add(new QrMark(QrModules.Of(code), SKRect.Create(2.5f, 4.5f, 44, 44), Ink));

        const float x = 48.5f, w = Width - x - 3;
        m.Add(Label(Local("Scan to verify this card"), true, 2.5f, x, 9.5f, Ink, w));
        m.Add(Label("Scan to verify this card", false, 2.1f, x, 12.8f, Ink, w));
        m.Add(Label(brand.VerifyAddress, true, 2f, x, 16.4f, brand.Colour, w));
        m.Add(Label(Both("Membership no."), false, 1.8f, x, 22, Grey, w));
        m.Add(Text(MembershipNumber.Format(f.Number), true, 3.3f, x, 25.8f, Ink, w));
        m.Add(Text($"{Local("Card")} {f.Issue} · Card {f.Issue}", false, 1.9f, x, 30.2f, Grey, w));
        m.Add(Text($"{Local("Issued")} · Issued {Date(f.IssuedOn)}", false, 1.9f, x, 33.4f, Grey, w));
        m.Add(Text($"{Local("Valid")} · Valid till {Date(f.ValidUntil)}", false, 1.9f, x, 36.6f, Grey, w));
        m.Add(Label(brand.NameHi, true, 2.3f, x, 42, brand.Colour, w));
        m.Add(Label(brand.NameEn, false, 1.8f, x, 45, brand.Colour, w));

        m.Add(new Fill(SKRect.Create(0, 49, Width, 5), brand.Colour));
        m.Add(Label(Both("If found, please return it to the party office"), false, 1.7f, 3, 52.2f, White, Width - 6));
        return new CardSide(m);
    }

    /// <summary>The card's own words in its Indian language (Texts/{language}.po), and "local · English".</summary>
    string Local(string english) => Platform.Localization.Texts.In(brand.Language, english);

    string Both(string english) => $"{Local(english)} · {english}";

    /// <summary>A name held in Devanagari, in the card's script.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(name))]
    string? Script(string? name) => name is null || brand.Language != "gu" ? name : People.NameScripts.ToGujarati(name);

    void Logo(List<CardMark> m, SKPoint centre, float radius)
    {
        m.Add(new Fill(SKRect.Create(centre.X - radius, centre.Y - radius, 2 * radius, 2 * radius), White, radius));
        if (brand.Logo is { } logo)
        {
            var inner = radius - 0.5f;
            m.Add(new Picture(logo, SKRect.Create(centre.X - inner, centre.Y - inner, 2 * inner, 2 * inner), inner));
            return;
        }
        m.Add(new Ring(centre, radius - 0.8f, brand.Colour, 0.5f));
        var initials = Shaped(brand.Initials, true, 3.4f, float.MaxValue);
        m.Add(new Words(initials, centre.X - initials.Width / 2, centre.Y + 1.2f, brand.Colour));
    }

    void Silhouette(List<CardMark> m, SKRect box)
    {
        m.Add(new Fill(box, Tint, 1));
        var path = new SKPath();
        path.AddCircle(box.MidX, box.Top + box.Height * 0.38f, box.Width * 0.2f);
        path.AddRoundRect(SKRect.Create(box.Left + box.Width * 0.2f, box.Top + box.Height * 0.62f, box.Width * 0.6f, box.Height * 0.38f), 4, 4);
        m.Add(new Shape(path, Blend(White, brand.Colour, 0.35f)));
    }

    /// <summary>Text with its baseline's left end at (x, y), fitted to <paramref name="max"/> millimetres.</summary>
    Words Text(string text, bool bold, float size, float x, float y, SKColor colour, float max) =>
        new(Fit(text, bold, size, max), x, y, colour);

    /// <summary>The same on every card (the card's own words, the party's names): shaped once, the result shared by every thread.</summary>
    Words Label(string text, bool bold, float size, float x, float y, SKColor colour, float max) =>
        new(Shaped(text, bold, size, max), x, y, colour);

    ShapedText Shaped(string text, bool bold, float size, float max) =>
        labels.GetOrAdd((text, bold, size, max), k => Fit(k.Text, k.Bold, k.Size, k.Max));

    static Words Right(ShapedText t, float right, float y, SKColor colour) => new(t, right - t.Width, y, colour);

    ShapedText Fit(string text, bool bold, float size, float max)
    {
        var type = fonts.Of(bold);
        var t = type.Shape(text, size);
        if (t.Width <= max) return t;
        var smaller = Math.Max(size * max / t.Width, size * 0.7f);
        t = type.Shape(text, smaller);
        var letters = StringInfo.ParseCombiningCharacters(text);
        for (var keep = letters.Length - 1; t.Width > max && keep > 0; keep--)
            t = type.Shape(text[..letters[keep]].TrimEnd() + "…", smaller);
        return t;
    }

    static string Date(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    static SKColor Blend(SKColor a, SKColor b, float t) => new(
        (byte)(a.Red + (b.Red - a.Red) * t), (byte)(a.Green + (b.Green - a.Green) * t), (byte)(a.Blue + (b.Blue - a.Blue) * t));
}
