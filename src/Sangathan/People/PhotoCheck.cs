using SkiaSharp;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.People;

/// <summary>
/// The one check of an uploaded picture, for members', office bearers' and meetings' photos alike: the file must
/// decode as a JPEG, PNG or WebP of sane size, and what is kept is re-encoded from its pixels, turned upright, so
/// EXIF (GPS position, phone model), other metadata and any bytes hidden after the image never reach the database.
/// </summary>
public static class PhotoCheck
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;
    const int MinSide = 32;
    // A decompression bomb claims a small file and a huge canvas. The header says so before anything is decoded;
    // 40 megapixels is past any phone camera's photo that fits in 2 MB.
    const int MaxPixels = 40_000_000;

    public static string NotAnImage => T("The photo must be a JPEG, PNG or WebP image.");

    /// <summary>
    /// Reads only the header: the codec of an image that may be decoded, or the reason it may not. The caller
    /// disposes the codec; it reads from <paramref name="upload"/>, which must live as long.
    /// </summary>
    public static SKCodec? Open(byte[] upload, out string? error)
    {
        error = upload.Length > MaxUploadBytes ? T("The photo is too large: at most 2 MB.") : null;
        if (error is not null) return null;
        var codec = SKCodec.Create(new SKMemoryStream(upload));
        var info = codec?.Info ?? default;
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp)
            || info.Width < MinSide || info.Height < MinSide)
            error = NotAnImage;
        else if ((long)info.Width * info.Height > MaxPixels)
            error = T("The photo is too large: at most 40 megapixels.");
        if (error is null) return codec;
        codec?.Dispose();
        return null;
    }

    /// <summary>
    /// The picture decoded at no more than <paramref name="maxSide"/> on its longer side (a JPEG is decoded shrunk,
    /// which is cheap), upright; null when its data is broken.
    /// </summary>
    public static SKBitmap? Decode(SKCodec codec, int maxSide)
    {
        var info = codec.Info;
        var scale = Math.Min(1f, (float)maxSide / Math.Max(info.Width, info.Height));
        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;
        using var upright = Orient(decoded, codec.EncodedOrigin);
        return Fit(upright, maxSide);
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return jpeg.ToArray();
    }

    /// <summary>A square of <paramref name="side"/> cut from the middle, as an avatar's <c>object-fit: cover</c> shows it.</summary>
    public static SKBitmap Square(SKBitmap bitmap, int side)
    {
        var cut = Math.Min(bitmap.Width, bitmap.Height);
        var source = SKRect.Create((bitmap.Width - cut) / 2f, (bitmap.Height - cut) / 2f, cut, cut);
        var size = Math.Min(side, cut);
        var square = new SKBitmap(size, size);
        using var canvas = new SKCanvas(square);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, source, SKRect.Create(size, size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return square;
    }

    /// <summary>
    /// A form's upload as bytes for a check: one over the limit is not read, only said to be too large (a buffer one
    /// byte past the limit), so nobody's 50 MB file sits in memory.
    /// </summary>
    public static async Task<byte[]?> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 }) return null;
        if (file.Length > MaxUploadBytes) return new byte[MaxUploadBytes + 1];
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

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
