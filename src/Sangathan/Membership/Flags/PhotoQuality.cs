using Sangathan.People;
using SkiaSharp;

namespace Sangathan.Membership;

public enum PhotoProblem { None, NearlyBlank, TooDark, Blurred }

/// <summary>
/// Whether a member's photo needs a retake: nearly blank (a white page, a covered lens), too dark, or blurred. The
/// enrollment page asks the same of the picture on the phone (enroll.js, the same measures on the same 160 pixels),
/// before anything is sent; the server asks again after the save, off the enrollment's path, and flags the member
/// for scrutiny. Measured on the picture's grey levels at 160 pixels on its longer side: their mean (dark), their
/// spread (blank), and the variance of their Laplacian (edges; a blurred picture has few).
/// </summary>
public static class PhotoQuality
{
    public const int Side = 160;
    /// <summary>Thresholds, the same in enroll.js: a lit face on any wall passes them by far.</summary>
    public const double DarkMean = 40, BlankSpread = 12, BlurredEdges = 20;

    public static PhotoProblem Of(byte[] jpeg)
    {
        using var codec = PhotoCheck.Open(jpeg, out _);
        if (codec is null) return PhotoProblem.None;
        using var small = PhotoCheck.Decode(codec, Side);
        return small is null ? PhotoProblem.None : Of(Measure(small));
    }

    public static PhotoProblem Of((double Mean, double Spread, double Edges) m) =>
        m.Spread < BlankSpread ? PhotoProblem.NearlyBlank
        : m.Mean < DarkMean ? PhotoProblem.TooDark
        : m.Edges < BlurredEdges ? PhotoProblem.Blurred
        : PhotoProblem.None;

    public static (double Mean, double Spread, double Edges) Measure(SKBitmap bitmap)
    {
        int w = bitmap.Width, h = bitmap.Height;
        var grey = new double[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var c = bitmap.GetPixel(x, y);
                grey[y * w + x] = 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
            }
        var mean = grey.Average();
        var spread = Math.Sqrt(grey.Sum(g => (g - mean) * (g - mean)) / grey.Length);
        var laplacians = new List<double>((w - 2) * (h - 2));
        for (var y = 1; y < h - 1; y++)
            for (var x = 1; x < w - 1; x++)
                laplacians.Add(grey[(y - 1) * w + x] + grey[(y + 1) * w + x] + grey[y * w + x - 1] + grey[y * w + x + 1] - 4 * grey[y * w + x]);
        var lm = laplacians.Count == 0 ? 0 : laplacians.Average();
        var edges = laplacians.Count == 0 ? 0 : laplacians.Sum(l => (l - lm) * (l - lm)) / laplacians.Count;
        return (mean, spread, edges);
    }
}
