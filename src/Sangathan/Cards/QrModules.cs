using QRCoder;
using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>
/// A QR code as vectors: QRCoder works out the modules, and runs of dark modules become rectangles (a run repeated on
/// the rows below grows downwards into one), so a printer gets sharp edges at any resolution and a PDF holds a few
/// hundred "re" operators, not an image. Error correction Q (a quarter of the code may be lost), as the EU's
/// certificates use, for scratched plastic and for WhatsApp's recompression of the phone image.
/// </summary>
public static class QrModules
{
    /// <summary>The dark modules, quiet zone (four modules each side) included, as rectangles in a square of side <paramref name="size"/> at (x, y).</summary>
    public static IReadOnlyList<SKRect> Rects(string text, float x, float y, float size)
    {
        var matrix = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q).ModuleMatrix;
        var n = matrix.Count;
        var m = size / n;
        var done = new List<SKRect>();
        // Rectangles still growing, by the run (first and last column) that the next row must repeat to extend them.
        var open = new Dictionary<(int, int), (int Top, int Rows)>();
        for (var row = 0; row <= n; row++)
        {
            var runs = new HashSet<(int, int)>();
            if (row < n)
            {
                var bits = matrix[row];
                for (var col = 0; col < n; col++)
                {
                    if (!bits[col]) continue;
                    var start = col;
                    while (col + 1 < n && bits[col + 1]) col++;
                    runs.Add((start, col));
                }
            }
            foreach (var (run, (top, rows)) in open.Where(o => !runs.Contains(o.Key)).ToList())
            {
                done.Add(SKRect.Create(x + run.Item1 * m, y + top * m, (run.Item2 - run.Item1 + 1) * m, rows * m));
                open.Remove(run);
            }
            foreach (var run in runs)
                open[run] = open.TryGetValue(run, out var r) ? (r.Top, r.Rows + 1) : (row, 1);
        }
        return done;
    }

    /// <summary>Modules across, quiet zone included: what a module's size follows from.</summary>
    public static int Size(string text) => QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q).ModuleMatrix.Count;
}
