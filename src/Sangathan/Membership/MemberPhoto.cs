using SkiaSharp;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>A member's photo as it is kept: a small JPEG re-encoded from the pixels, so nothing of the file but the picture survives.</summary>
public sealed record CheckedPhoto(byte[] Jpeg, long Hash);

/// <summary>
/// Checks that an upload is a real image by decoding it, shrinks it, and re-encodes it: EXIF (GPS, device) and any
/// bytes hidden after the image are dropped. Also gives its perceptual hash, to find the same face enrolled twice.
/// </summary>
public static class MemberPhoto
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;
    public const int MaxSide = 480;
    const int MaxPixels = 40_000_000; // a decompression bomb claims a small file and a huge canvas

    /// <param name="maxSide">The longest side kept: a member's face needs 480 pixels, a photo of a meeting hall more.</param>
    public static (CheckedPhoto? Photo, string? Error) Check(byte[] upload, int maxSide = MaxSide)
    {
        if (upload.Length == 0) return (null, T("Take the member's photo."));
        if (upload.Length > MaxUploadBytes) return (null, T("The photo is too large: at most 2 MB."));
        using var codec = SKCodec.Create(new SKMemoryStream(upload));
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return (null, T("The photo must be a JPEG, PNG or WebP image."));
        var info = codec.Info;
        if (info.Width < 32 || info.Height < 32 || (long)info.Width * info.Height > MaxPixels)
            return (null, T("The photo must be a JPEG, PNG or WebP image."));

        if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg && Math.Max(info.Width, info.Height) <= maxSide
            && codec.EncodedOrigin == SKEncodedOrigin.TopLeft)
            return Small(codec, upload);

        var scale = Math.Min(1f, (float)maxSide / Math.Max(info.Width, info.Height));
        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return (null, T("The photo must be a JPEG, PNG or WebP image."));
        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var small = Fit(upright, maxSide);
        using var image = SKImage.FromBitmap(small);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 75);
        return (new CheckedPhoto(jpeg.ToArray(), DifferenceHash(small)), null);
    }

    /// <summary>
    /// The phone already shrank it and turned it upright (the enrollment page does): the picture is kept as it came,
    /// only its metadata cut away. It is still decoded, at an eighth of its size (cheap for a JPEG), to prove it is
    /// an image and to take its perceptual hash.
    /// </summary>
    static (CheckedPhoto?, string?) Small(SKCodec codec, byte[] upload)
    {
        var invalid = (default(CheckedPhoto), T("The photo must be a JPEG, PNG or WebP image."));
        var stripped = JpegSegments.Strip(upload);
        if (stripped is null) return invalid;
        var size = codec.GetScaledDimensions(0.125f);
        using var tiny = new SKBitmap(new SKImageInfo(Math.Max(1, size.Width), Math.Max(1, size.Height), SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(tiny.Info, tiny.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return invalid;
        return (new CheckedPhoto(stripped, DifferenceHash(tiny)), null);
    }

    /// <summary>dHash: the photo in 9×8 greys, one bit per pair of neighbours. Near-identical photos differ in few bits.</summary>
    public static long DifferenceHash(SKBitmap bitmap)
    {
        using var tiny = bitmap.Resize(new SKImageInfo(9, 8, SKColorType.Gray8), new SKSamplingOptions(SKFilterMode.Linear));
        long hash = 0;
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 8; x++)
                hash = (hash << 1) | (tiny.GetPixel(x, y).Red > tiny.GetPixel(x + 1, y).Red ? 1L : 0L);
        return hash;
    }

    /// <summary>
    /// A form's upload as bytes for <see cref="Check"/>: one over the limit is not read, only said to be too large
    /// (a buffer one byte past the limit), so nobody's 50 MB file sits in memory.
    /// </summary>
    public static async Task<byte[]?> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 }) return null;
        if (file.Length > MaxUploadBytes) return new byte[MaxUploadBytes + 1];
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount((ulong)(a ^ b));

    static SKBitmap Fit(SKBitmap bitmap, int maxSide)
    {
        var scale = Math.Min(1f, (float)maxSide / Math.Max(bitmap.Width, bitmap.Height));
        if (scale >= 1f) return bitmap.Copy();
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)));
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    // Phones store the camera's rotation in EXIF; since EXIF is dropped, the pixels are turned upright first.
    static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var quarterTurns = origin switch { SKEncodedOrigin.RightTop => 1, SKEncodedOrigin.BottomRight => 2, SKEncodedOrigin.LeftBottom => 3, _ => 0 };
        if (quarterTurns == 0) return bitmap.Copy();
        var swap = quarterTurns % 2 == 1;
        var turned = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(90 * quarterTurns);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return turned;
    }
}
