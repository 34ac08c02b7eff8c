using SkiaSharp;

namespace Sangathan.Bench;

/// <summary>Camera photos as the phone sends them after shrinking: distinct JPEGs of about 50 KB each.</summary>
internal static class EnrollPhotos
{
    public const int Count = 200, TargetBytes = 50 * 1024;

    public static List<byte[]> Make()
    {
        var random = new Random(50);
        return Enumerable.Range(0, Count).Select(_ => One(random)).ToList();
    }

    // Noise in 2×2 blocks over a gradient does not compress away; the quality is stepped down to about 50 KB.
    static byte[] One(Random random)
    {
        using var bitmap = new SKBitmap(360, 480);
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var color = new SKColor((byte)random.Next(256), (byte)(x * 255 / bitmap.Width), (byte)(y * 255 / bitmap.Height));
                for (var dy = 0; dy < 2; dy++)
                    for (var dx = 0; dx < 2; dx++) bitmap.SetPixel(x + dx, y + dy, color);
            }
        using var image = SKImage.FromBitmap(bitmap);
        for (var quality = 90; ; quality -= 5)
        {
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (data.Size <= TargetBytes || quality <= 10) return data.ToArray();
        }
    }
}
