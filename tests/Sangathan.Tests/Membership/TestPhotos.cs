using SkiaSharp;

namespace Sangathan.Tests.Membership;

/// <summary>Photos as phones send them, made on the spot: a camera JPEG with EXIF, and things that are not photos.</summary>
public static class TestPhotos
{
    public const string ExifMarker = "GPS 26.9124N 75.7873E Redmi";

    /// <summary>The size of the EXIF segment added to each photo: marker, length, "Exif\0\0" and the text.</summary>
    public static int ExifBytes => 4 + 6 + ExifMarker.Length;

    /// <summary>A noisy JPEG of the given size (noise keeps it from compressing to nothing), with an EXIF block.</summary>
    public static byte[] Jpeg(int width = 640, int height = 480, int seed = 1, bool gradient = true)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y += 4)
            for (var x = 0; x < width; x += 4)
            {
                var color = gradient
                    ? new SKColor((byte)random.Next(256), (byte)(x * 255 / width), (byte)(y * 255 / height))
                    : new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                for (var dy = 0; dy < 4 && y + dy < height; dy++)
                    for (var dx = 0; dx < 4 && x + dx < width; dx++) bitmap.SetPixel(x + dx, y + dy, color);
            }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return WithExif(data.ToArray());
    }

    /// <summary>An APP1 "Exif" segment right after the JPEG's start marker, as cameras write it.</summary>
    static byte[] WithExif(byte[] jpeg)
    {
        var payload = "Exif\0\0"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes(ExifMarker)).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"u8.ToArray();
}
