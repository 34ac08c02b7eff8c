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

    /// <summary>
    /// A decompression bomb: a real PNG whose header claims 20000×20000 pixels (1.6 GB once decoded) in a file of a
    /// few KB, its data the first rows of zeros, deflated to almost nothing.
    /// </summary>
    public static byte[] PngBomb()
    {
        const int side = 20_000;
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        using var rows = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(rows, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[(side * 3 + 1) * 40]);
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", rows.ToArray()), ("IEND", Array.Empty<byte>()) })
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Sangathan.Demo.Crc32.Of(typeBytes, data));
            png.Write([.. length, .. typeBytes, .. data, .. crc]);
        }
        return png.ToArray();
    }

    /// <summary>
    /// A JPEG as a phone held sideways writes it: the pixels <paramref name="width"/>×<paramref name="height"/>,
    /// and an EXIF orientation of 6 (turn a quarter clockwise to show it), with the GPS text beside it.
    /// </summary>
    public static byte[] SidewaysJpeg(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        // "Exif\0\0", a big-endian TIFF header, one IFD with one entry: Orientation (0x0112), SHORT, 1 value, 6.
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"u8.ToArray();
}
