using QRCoder;
using SkiaSharp;

namespace Sangathan.Cards;

/// <summary>
/// A QR code as vectors: QRCoder works out the modules, and each row's runs of dark modules become rectangles of one
/// path, so a printer gets sharp edges at any resolution and a PDF holds a few hundred path commands, not an image.
/// Error correction Q (a quarter of the code may be lost), as the EU's certificates use, for scratched plastic and
/// for WhatsApp's recompression of the phone image.
/// </summary>
public static class QrModules
{
    /// <summary>The code's modules with its quiet zone (four modules each side), as a path in a square of side <paramref name="size"/> at (x, y).</summary>
    public static SKPath Path(string text, float x, float y, float size)
    {
        var matrix = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q).ModuleMatrix;
        var n = matrix.Count;
        var m = size / n;
        var path = new SKPath();
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            for (var col = 0; col < n; col++)
            {
                if (!bits[col]) continue;
                var start = col;
                while (col + 1 < n && bits[col + 1]) col++;
                path.AddRect(SKRect.Create(x + start * m, y + row * m, (col - start + 1) * m, m));
            }
        }
        return path;
    }

    /// <summary>Modules across, quiet zone included: what a module's size follows from.</summary>
    public static int Size(string text) => QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q).ModuleMatrix.Count;
}
