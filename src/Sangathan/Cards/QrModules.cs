using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>
/// A QR code as vectors, in modules: rectangles covering its dark modules, on a square of <paramref name="Size"/>
/// modules that includes the quiet zone (four modules each side). Drawn scaled, so that a printer gets sharp edges
/// at any resolution and a PDF holds short whole numbers ("12 7 3 1 re") instead of millimetres. Error correction Q
/// (a quarter of the code may be lost), as the EU's certificates use, for scratched plastic and for WhatsApp's
/// recompression of the phone image.
/// </summary>
public sealed record QrModules(int Size, IReadOnlyList<SKRect> Rects)
{
    const int QuietZone = 4;

    /// <summary>
    /// The code for <paramref name="text"/>. Each rectangle starts at the first dark module not yet covered (row by
    /// row), runs right over dark modules and then down while the whole run stays dark; rectangles may overlap, as they
    /// are one colour. Skia spends about a microsecond a rectangle writing a PDF (one path of them costs several times
    /// more), so fewer rectangles is what makes the back side faster.
    /// </summary>
    public static QrModules Of(string text)
    {
        var (dark, n) = QrEncoder.Encode(text);
        var covered = new bool[dark.Length];
        var rects = new List<SKRect>(n * n / 6);
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
            {
                if (!dark[r * n + c] || covered[r * n + c]) continue;
                var right = c;
                while (right + 1 < n && dark[r * n + right + 1]) right++;
                while (covered[r * n + right]) right--;
                var bottom = r;
                while (bottom + 1 < n && AllDark(dark, (bottom + 1) * n, c, right)) bottom++;
                for (var y = r; y <= bottom; y++) Array.Fill(covered, true, y * n + c, right - c + 1);
                rects.Add(SKRect.Create(QuietZone + c, QuietZone + r, right - c + 1, bottom - r + 1));
            }
        return new QrModules(n + 2 * QuietZone, rects);
    }

    static bool AllDark(bool[] dark, int row, int from, int to)
    {
        for (var c = from; c <= to; c++)
            if (!dark[row + c]) return false;
        return true;
    }
}
