using SkiaSharp;

namespace Sangathan.Bench;

/// <summary>
/// Camera photos as the phone sends them after shrinking: a distinct JPEG of about 50 KB for every member. Distinct in
/// their bytes (the app keeps each picture once, so shared photos would spare it the writes that raw INSERTs pay) and
/// in their faces (near-identical photos are flagged for scrutiny, which real members' photos are not).
/// </summary>
internal static class EnrollPhotos
{
    public const int TargetBytes = 50 * 1024;
    const int Width = 360, Height = 480, Block = 40;

    public static List<byte[]> Make(int count)
    {
        var quality = QualityFor(One(new Random(0), 90));
        var photos = new byte[count][];
        Parallel.For(0, count, i => photos[i] = One(new Random(1_000 + i), quality));
        return [.. photos];
    }

    /// <summary>Large random patches (what the perceptual hash sees) under fine noise (what keeps the JPEG from shrinking).</summary>
    static byte[] One(Random random, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var patches = new byte[(Width / Block + 1) * (Height / Block + 1)];
        random.NextBytes(patches);
        var noise = new byte[Width * Height / 4];
        random.NextBytes(noise);
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var patch = patches[y / Block * (Width / Block + 1) + x / Block];
                var grain = noise[y / 2 * (Width / 2) + x / 2] >> 2;
                var at = (y * Width + x) * 4;
                pixels[at] = (byte)Math.Min(255, patch * 3 / 4 + grain);
                pixels[at + 1] = (byte)Math.Min(255, patch * 3 / 4 + (grain >> 1));
                pixels[at + 2] = patch;
                pixels[at + 3] = 255;
            }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    // The pictures are alike in how they compress: the quality that brings one to about 50 KB serves for all.
    static int QualityFor(byte[] first)
    {
        var quality = 90;
        for (var photo = first; photo.Length > TargetBytes && quality > 10; photo = One(new Random(0), quality)) quality -= 5;
        return quality;
    }
}
